import { DataTable } from "@/components/ui/data-table";
import { TableHead } from "@/components/ui/table-head";
import type { SyncActivityRow } from "@/lib/features/sync";
import { StatusBadge } from "./status-badge";

/** The sync's run log: what changed on one side, what Bosun did on the other, and why. */
const DIRECTION: Record<SyncActivityRow["direction"], string> = {
  jira_to_sentry: "Jira → Sentry",
  sentry_to_jira: "Sentry → Jira",
  github_to_sentry: "GitHub → Sentry",
};
const time = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");

function Pair({ row }: { row: SyncActivityRow }) {
  const sentry = row.sentryShortId ?? row.sentryIssueId;
  return (
    <span className="font-mono text-xs">
      {sentry ?? "—"} {row.linked ? "↔" : "·"} {row.jiraIssueKey ?? "—"}
      {!row.linked && <span className="block font-sans text-slate-500">not linked</span>}
    </span>
  );
}

function Conflict({ conflict }: { conflict: NonNullable<SyncActivityRow["conflict"]> }) {
  const side = (name: "jira" | "sentry", label: string) => (
    <li className={conflict.winner === name ? "font-medium" : "text-slate-500"}>
      {label}: {conflict[name].value || "(none)"}
      {conflict[name].at ? ` at ${conflict[name].at.slice(11, 19)}` : ""}
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

export function SyncActivityLog({ rows }: { rows: SyncActivityRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No sync activity yet.</p>;
  return (
    <DataTable
      head={<TableHead columns={["Time (UTC)", "Pair", "Direction", "What happened", "Outcome", "Conflict"]} />}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-100 align-top dark:border-slate-800">
          <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs">{time(row.occurredAt)}</td>
          <td className="py-2 pr-4">
            <Pair row={row} />
          </td>
          <td className="whitespace-nowrap py-2 pr-4 text-xs">{DIRECTION[row.direction]}</td>
          <td className="py-2 pr-4">
            {row.trigger}
            {row.detail && <span className="block text-xs text-slate-500">{row.detail}</span>}
          </td>
          <td className="py-2 pr-4">
            <StatusBadge status={row.outcome} />
          </td>
          <td className="py-2">{row.conflict ? <Conflict conflict={row.conflict} /> : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}
