import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Freshness } from "@/components/ui/freshness";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { compareVersions, type ReleaseHealth } from "@/lib/domain/release-health";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { loadReleasesPage } from "@/lib/features/releases";

export const metadata = { title: "Releases" };

const SORTS: Record<string, { label: string; compare: (a: ReleaseHealth, b: ReleaseHealth) => number }> = {
  newest: { label: "Newest", compare: () => 0 },
  crashFree: { label: "Crash-free sessions", compare: (a, b) => (a.crashFreeSessions ?? 101) - (b.crashFreeSessions ?? 101) },
  adoption: { label: "Adoption", compare: (a, b) => (b.adoptionPercent ?? -1) - (a.adoptionPercent ?? -1) },
  version: { label: "Version", compare: (a, b) => compareVersions(b.version, a.version) },
};

const pct = (value: number | null) => (value === null ? "—" : `${value.toFixed(2)}%`);

export default async function ReleasesPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ sort?: string; regressions?: string }> }) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  const { sort = "newest", regressions } = await searchParams;
  const data = await loadReleasesPage({ orgId: org.id, requestId: await getRequestId() });
  if (data.status !== "ok") {
    return (
      <>
        <PageHeader title="Releases" description="Release health from Sentry." />
        <Card>
          <p className="text-sm" role="status">{data.status === "not-connected" ? "Connect Sentry in Settings → Integrations to see release health." : `Sentry is not answering right now (${data.message}), and nothing is cached yet.`}</p>
        </Card>
      </>
    );
  }
  const order = SORTS[sort] ?? SORTS.newest!;
  const rows = [...data.releases].filter((r) => !regressions || r.regression.isRegression).sort(order.compare);
  return (
    <>
      <PageHeader title="Releases" description="Crash-free sessions and users, adoption and new issues per release, with regressions flagged." actions={<Freshness fetchedAt={data.fetchedAt} stale={data.stale} error={data.error} now={new Date()} />} />
      <Card>
        <form className="mb-4 flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium">
            Sort by
            <select name="sort" defaultValue={sort} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900">
              {Object.entries(SORTS).map(([value, { label }]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="regressions" value="1" defaultChecked={Boolean(regressions)} className="h-4 w-4" /> Only regressions
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
        </form>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-slate-500">
                <th scope="col" className="pb-2 pr-3 font-medium">Release</th>
                <th scope="col" className="pb-2 pr-3 font-medium">Crash-free sessions</th>
                <th scope="col" className="pb-2 pr-3 font-medium">Crash-free users</th>
                <th scope="col" className="pb-2 pr-3 font-medium">Adoption</th>
                <th scope="col" className="pb-2 pr-3 font-medium">Sessions</th>
                <th scope="col" className="pb-2 pr-3 font-medium">New issues</th>
                <th scope="col" className="pb-2 font-medium">Health</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.version} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-2 pr-3">
                    <Link href={`/${org.slug}/releases/${encodeURIComponent(r.version)}`} className="font-mono font-medium text-brand-600 hover:underline">{r.version}</Link>
                    <span className="block text-xs text-slate-500">{r.dateReleased?.slice(0, 10)}</span>
                  </td>
                  <td className="py-2 pr-3 tabular-nums">{pct(r.crashFreeSessions)}</td>
                  <td className="py-2 pr-3 tabular-nums">{pct(r.crashFreeUsers)}</td>
                  <td className="py-2 pr-3 tabular-nums">{r.adoptionPercent === null ? "—" : `${r.adoptionPercent}%`}</td>
                  <td className="py-2 pr-3 tabular-nums">{r.totalSessions.toLocaleString("en")}</td>
                  <td className="py-2 pr-3 tabular-nums">{r.newIssues}</td>
                  <td className="py-2">
                    {r.regression.isRegression ? (
                      <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white" title={r.regression.reason ?? undefined}>Regression</span>
                    ) : (
                      <span className="text-xs text-slate-500">{r.regression.reason ?? "OK"}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
