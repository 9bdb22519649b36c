import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { listAuditActions, listAuditEntries } from "@/lib/db/queries/audit-log";
import { parseAuditFilters } from "@/lib/domain/audit/filters";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { InputField, SelectField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TableHead } from "@/components/ui/table-head";
import { AuditDiff } from "./audit-diff";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Audit log" };

const RESULT_STYLE = {
  success: "text-emerald-700 dark:text-emerald-400",
  failure: "text-red-600",
  pending: "text-amber-700 dark:text-amber-300",
} as const;

export default async function AuditLogPage({ params, searchParams }: OrgSearchPageProps) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  if (!can(role, "audit-log:view")) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">Only admins can see the audit log of {org.name}.</p>
    );
  }
  const raw = await searchParams;
  const parsed = parseAuditFilters(raw);
  const filters = parsed.success ? parsed.data : {};
  const [entries, actions] = await Promise.all([
    listAuditEntries({ orgId: org.id, filters }),
    listAuditActions({ orgId: org.id }),
  ]);
  const exportQuery = new URLSearchParams(
    Object.entries(filters).filter((pair): pair is [string, string] => Boolean(pair[1])),
  ).toString();

  return (
    <div className="space-y-6">
      <Card title="Filter">
        <form className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter the audit log">
          <InputField label="Actor" name="actor" defaultValue={filters.actor ?? ""} placeholder="e-mail or name" />
          <SelectField label="Action" name="action" defaultValue={filters.action ?? ""} blank="Any" options={actions} />
          <InputField label="From" type="date" name="from" defaultValue={filters.from ?? ""} />
          <InputField label="To" type="date" name="to" defaultValue={filters.to ?? ""} />
          <SubmitButton>Apply</SubmitButton>
          <a
            href={`/api/orgs/${org.slug}/audit-log/export${exportQuery ? `?${exportQuery}` : ""}`}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            download
          >
            Export CSV
          </a>
          {exportQuery && (
            <Link href={`/${org.slug}/settings/audit-log`} className="text-sm text-brand-600 hover:underline">
              Clear
            </Link>
          )}
        </form>
        {!parsed.success && (
          <p role="alert" className="mt-2 text-sm text-red-600">
            {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
          </p>
        )}
      </Card>

      <Card title={`Entries (${entries.length === 100 ? "latest 100" : entries.length})`}>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-500">No entries match.</p>
        ) : (
          <DataTable head={<TableHead columns={["Time (UTC)", "Actor", "Action", "What happened", "Result"]} />}>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs">
                  {entry.createdAt.toISOString().slice(0, 19).replace("T", " ")}
                </td>
                <td className="py-2 pr-4">
                  {entry.actorLabel}
                  <span className="block text-xs text-slate-500">{entry.actorType}</span>
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{entry.action}</td>
                <td className="py-2 pr-4">
                  {entry.summary}
                  {entry.requestId && (
                    <span className="block font-mono text-xs text-slate-400">request {entry.requestId}</span>
                  )}
                  <AuditDiff changes={entry.changes} />
                </td>
                <td className={`py-2 font-medium ${RESULT_STYLE[entry.result]}`}>{entry.result}</td>
              </TableRow>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
