import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { loadAuditLogPage } from "@/lib/features/audit-log";
import { defineSort, parseSort } from "@/lib/domain/tables/sort";
import { parseAuditFilters } from "@/lib/domain/audit/filters";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { InputField, SelectField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TableHead } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { getViewerTime } from "@/components/ui/tz-script";
import { AuditDiff } from "./audit-diff";
import { AuditPaging } from "./audit-paging";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Audit log" };

/** Keyset paging orders by time, so time (either way) is the one order the log offers. */
const AUDIT_SORT = defineSort({ keys: ["time"], default: { key: "time", dir: "desc" } });

const RESULT_STYLE = {
  success: "text-emerald-700 dark:text-emerald-400",
  failure: "text-red-600 dark:text-red-400",
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
  const order = parseSort(AUDIT_SORT, raw);
  const [page, time] = await Promise.all([
    loadAuditLogPage({ orgId: org.id, filters, order: order.dir, older: raw.older, newer: raw.newer }),
    getViewerTime(),
  ]);
  const { entries, actions } = page;
  const isFirstPage = !raw.older && !raw.newer;
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
          {raw.sort !== undefined && (
            <>
              <input type="hidden" name="sort" value={order.key} />
              <input type="hidden" name="dir" value={order.dir} />
            </>
          )}
          <SubmitButton>Apply</SubmitButton>
          <a
            href={`/api/orgs/${org.slug}/audit-log/export${exportQuery ? `?${exportQuery}` : ""}`}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            download
          >
            Export CSV
          </a>
          {exportQuery && (
            <Link
              href={`/${org.slug}/settings/audit-log`}
              className="text-sm text-brand-600 hover:underline dark:text-brand-300"
            >
              Clear
            </Link>
          )}
        </form>
        {!parsed.success && (
          <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
            {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
          </p>
        )}
      </Card>

      <Card title={isFirstPage ? "Entries" : "Entries (earlier page)"}>
        {entries.length === 0 ? (
          <EmptyState
            title={exportQuery ? "No entries match these filters" : isFirstPage ? "No entries yet" : "No more entries"}
            action={
              exportQuery || !isFirstPage
                ? { href: `/${org.slug}/settings/audit-log`, label: "Show the latest entries" }
                : undefined
            }
          >
            {exportQuery
              ? "Widen the dates, clear the actor or pick another action."
              : "Every change made in Bosun — settings, members, writes to Jira and Sentry — is recorded here as it happens."}
          </EmptyState>
        ) : (
          <DataTable
            head={
              <TableHead
                columns={[{ label: "Time", sort: "time" }, "Actor", "Action", "What happened", "Result"]}
                sorting={{ spec: AUDIT_SORT, order, params: raw }}
              />
            }
          >
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <td className="py-2 pr-4 text-xs">
                  <LocalTime at={entry.createdAt} time={time} stacked />
                </td>
                <td className="py-2 pr-4">
                  {entry.actorLabel}
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{entry.actorType}</span>
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{entry.action}</td>
                <td className="py-2 pr-4">
                  {entry.summary}
                  {entry.requestId && (
                    <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">
                      request {entry.requestId}
                    </span>
                  )}
                  <AuditDiff changes={entry.changes} />
                </td>
                <td className={`py-2 font-medium ${RESULT_STYLE[entry.result]}`}>{entry.result}</td>
              </TableRow>
            ))}
          </DataTable>
        )}
        <AuditPaging params={raw} newer={page.newer} older={page.older} />
      </Card>
    </div>
  );
}
