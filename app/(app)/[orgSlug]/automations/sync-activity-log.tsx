import { DataTable } from "@/components/ui/data-table";
import { TableHead, type TableSorting } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import { formatDateTime } from "@/lib/domain/time";
import type { SyncActivityRow } from "@/lib/features/sync";
import { StatusBadge } from "./status-badge";

/** The sync's run log: what changed on one side, what Bosun did on the other, and why. */
const DIRECTION: Record<SyncActivityRow["direction"], string> = {
  jira_to_sentry: "Jira → Sentry",
  sentry_to_jira: "Sentry → Jira",
  github_to_sentry: "GitHub → Sentry",
};

function Pair({ row }: { row: SyncActivityRow }) {
  const sentry = row.sentryShortId ?? row.sentryIssueId;
  return (
    <span className="font-mono text-xs">
      {sentry ?? "—"} {row.linked ? "↔" : "·"} {row.jiraIssueKey ?? "—"}
      {!row.linked && <span className="block font-sans text-slate-500 dark:text-slate-400">not linked</span>}
    </span>
  );
}

function Conflict({ conflict, time }: { conflict: NonNullable<SyncActivityRow["conflict"]>; time: ViewerTime }) {
  const side = (name: "jira" | "sentry", label: string) => (
    <li className={conflict.winner === name ? "font-medium" : "text-slate-500 dark:text-slate-400"}>
      {label}: {conflict[name].value || "(none)"}
      {conflict[name].at ? ` at ${formatDateTime(new Date(conflict[name].at), time.zone, time.now)}` : ""}
      {conflict.winner === name ? " — wins" : ""}
    </li>
  );
  return (
    <ul className="text-xs">
      {side("jira", "Jira")}
      {side("sentry", "Sentry")}
    </ul>
  );
}

export function SyncActivityLog({
  rows,
  sorting,
  time,
}: {
  rows: SyncActivityRow[];
  sorting: TableSorting;
  time: ViewerTime;
}) {
  if (rows.length === 0)
    return (
      <EmptyState title="No sync activity yet">
        Link a Sentry issue to a Jira ticket (file a ticket from the Errors page) and changes on either side are kept in
        step and logged here.
      </EmptyState>
    );
  return (
    <DataTable
      head={
        <TableHead
          columns={[
            { label: "Time", sort: "sync-time" },
            "Pair",
            { label: "Direction", sort: "sync-direction" },
            "What happened",
            { label: "Outcome", sort: "sync-outcome" },
            "Conflict",
          ]}
          sorting={sorting}
        />
      }
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-100 align-top dark:border-slate-800">
          <td className="py-2 pr-4 text-xs">
            <LocalTime at={row.occurredAt} time={time} stacked />
          </td>
          <td className="py-2 pr-4">
            <Pair row={row} />
          </td>
          <td className="whitespace-nowrap py-2 pr-4 text-xs">{DIRECTION[row.direction]}</td>
          <td className="py-2 pr-4">
            {row.trigger}
            {row.detail && <span className="block text-xs text-slate-500 dark:text-slate-400">{row.detail}</span>}
          </td>
          <td className="py-2 pr-4">
            <StatusBadge status={row.outcome} />
          </td>
          <td className="py-2">{row.conflict ? <Conflict conflict={row.conflict} time={time} /> : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}
