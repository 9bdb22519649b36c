import type { AutomationWrite } from "@/lib/features/automations";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { TableHead } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import { writeSummary } from "@/app/(app)/[orgSlug]/write-summary";
import { editTarget } from "./edit-target";
import { StatusBadge } from "./status-badge";
import { UpstreamErrorText } from "./upstream-error-text";
import { WriteActions } from "./write-actions";

function inSeconds(date: Date, now: Date) {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (seconds <= 0) return "now";
  return seconds < 120 ? `in ${seconds} s` : `in ${Math.round(seconds / 60)} min`;
}

/**
 * Outbound writes that have not reached Jira, Sentry or WorkOS yet (or failed),
 * with why, and — for those who may — Resume now, Retry and Edit and resend.
 */
export function OutboxList({
  orgSlug,
  writes,
  failed,
  now,
  time,
  canAct,
}: {
  orgSlug: string;
  writes: AutomationWrite[];
  failed: AutomationWrite[];
  now: Date;
  time: ViewerTime;
  canAct: boolean;
}) {
  if (writes.length === 0 && failed.length === 0)
    return (
      <EmptyState title="Nothing waiting">
        Every write has reached its service. A write that Jira, Sentry or WorkOS cannot take right now waits here and is
        retried on its own.
      </EmptyState>
    );
  const rows = [
    ...writes.map((w) => ({ ...w, shown: "pending" as const })),
    ...failed.map((w) => ({ ...w, shown: "failed" as const })),
  ];
  return (
    <DataTable
      head={
        <TableHead columns={["Write", "Status", "Attempts", "Next try / last error", ...(canAct ? ["Action"] : [])]} />
      }
    >
      {rows.map((write) => {
        const summary = writeSummary(write);
        const edit = write.shown === "failed" ? editTarget(orgSlug, write) : null;
        return (
          <TableRow key={write.id} data-write-id={write.id}>
            <td className="py-2 pr-4">
              {summary}
              <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">{write.operation}</span>
              {write.retriedAt && (
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  retried by hand <LocalTime at={write.retriedAt} time={time} />
                </span>
              )}
            </td>
            <td className="py-2 pr-4">
              <StatusBadge status={write.status} />
            </td>
            <td className="py-2 pr-4 tabular-nums">{write.attempts}</td>
            <td className="py-2 pr-4">
              {write.status === "pending" && <span className="block">{inSeconds(write.nextAttemptAt, now)}</span>}
              {write.status === "in_flight" && <span className="block">being sent now</span>}
              {write.lastError && <UpstreamErrorText text={write.lastError} />}
              {edit && <span className="block text-xs text-slate-500 dark:text-slate-400">{edit.hint}</span>}
            </td>
            {canAct && (
              <td className="py-2">
                {write.status !== "in_flight" && (
                  <WriteActions
                    orgSlug={orgSlug}
                    intentId={write.id}
                    status={write.shown}
                    editHref={edit?.href}
                    editHint={edit?.hint}
                  />
                )}
              </td>
            )}
          </TableRow>
        );
      })}
    </DataTable>
  );
}
