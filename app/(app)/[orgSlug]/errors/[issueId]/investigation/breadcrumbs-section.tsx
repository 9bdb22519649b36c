import { Card } from "@/components/ui/card";
import type { InvestigationReport } from "@/lib/features/investigation";

type Breadcrumb = NonNullable<InvestigationReport["latestEvent"]>["breadcrumbs"][number];

/** What happened before the error, oldest first, as Sentry recorded it with the latest event. */
export function BreadcrumbsSection({ breadcrumbs }: { breadcrumbs: Breadcrumb[] }) {
  return (
    <Card title="Breadcrumbs before the error">
      {breadcrumbs.length === 0 ? (
        <p className="text-sm">The latest event has no breadcrumbs.</p>
      ) : (
        <div className="relative overflow-x-auto" tabIndex={0}>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Breadcrumbs of the latest event, oldest first</caption>
            <thead className="text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Time (UTC)
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Category
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Level
                </th>
                <th scope="col" className="py-1 font-medium">
                  Message or data
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {breadcrumbs.map((b, i) => (
                <tr key={i} className={b.level === "error" ? "bg-rose-50 dark:bg-rose-950/40" : undefined}>
                  <td className="whitespace-nowrap py-1 pr-3 font-mono">{b.timestamp?.slice(11, 23) ?? "—"}</td>
                  <td className="py-1 pr-3">{b.category ?? b.type ?? "—"}</td>
                  <td className="py-1 pr-3">{b.level ?? "—"}</td>
                  <td className="break-all py-1 font-mono">
                    {b.message ?? b.data.map((d) => `${d.key}=${d.value}`).join(" ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
