import type { listPendingWrites } from "@/lib/db/queries/outbox";
import { TableHead } from "@/components/ui/table-head";
import { StatusBadge } from "./status-badge";

type Write = Awaited<ReturnType<typeof listPendingWrites>>[number];

function inSeconds(date: Date, now: Date) {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (seconds <= 0) return "now";
  return seconds < 120 ? `in ${seconds} s` : `in ${Math.round(seconds / 60)} min`;
}

/** Outbound writes that have not reached Jira, Sentry or WorkOS yet (or never will), with why. */
export function OutboxList({ writes, failed, now }: { writes: Write[]; failed: Write[]; now: Date }) {
  if (writes.length === 0 && failed.length === 0) return <p className="text-sm text-slate-500">Nothing waiting: every write has reached its service.</p>;
  const rows = [...writes.map((w) => ({ ...w, status: "pending" })), ...failed.map((w) => ({ ...w, status: "failed" }))];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <TableHead columns={["Write", "Status", "Attempts", "Next try / last error"]} />
        <tbody>
          {rows.map((write) => {
            const summary = (write.payload as { meta?: { summary?: string } }).meta?.summary ?? write.operation;
            return (
              <tr key={write.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="py-2 pr-4">
                  {summary}
                  <span className="block font-mono text-xs text-slate-500">{write.operation}</span>
                </td>
                <td className="py-2 pr-4">
                  <StatusBadge status={write.status} />
                </td>
                <td className="py-2 pr-4">{write.attempts}</td>
                <td className="py-2">
                  {write.status === "pending" && <span className="block">{inSeconds(write.nextAttemptAt, now)}</span>}
                  {write.lastError && <span className="block text-xs text-red-600">{write.lastError}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
