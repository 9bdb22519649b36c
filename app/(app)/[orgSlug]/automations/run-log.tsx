import type { RunLogEntry } from "@/lib/features/automations";
import { type AutomationEvent, describeEvent } from "@/lib/domain/automations";
import { DataTable } from "@/components/ui/data-table";
import { LinkTabs } from "@/components/ui/link-tabs";
import { TableHead, type TableSorting } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import { RetryButton } from "./retry-button";
import { StatusBadge } from "./status-badge";
import { UpstreamErrorText } from "./upstream-error-text";

const FILTERS = [
  { value: "", label: "All" },
  { value: "failed", label: "Failed" },
  { value: "pending", label: "Waiting" },
  { value: "succeeded", label: "Succeeded" },
  { value: "skipped", label: "Skipped" },
];

function eventLine(input: unknown): string {
  try {
    return describeEvent(input as AutomationEvent);
  } catch {
    return "An event Bosun no longer reads";
  }
}

/** Every run: what came in, what the rule decided, the writes it made and how it ended, in the order they are given. */
export function RunLog({
  orgSlug,
  runs,
  status,
  canRetry,
  sorting,
  time,
}: {
  orgSlug: string;
  runs: RunLogEntry[];
  status: string;
  canRetry: boolean;
  sorting: TableSorting;
  time: ViewerTime;
}) {
  return (
    <div className="space-y-3">
      <LinkTabs
        label="Filter runs by outcome"
        look="pills"
        className="flex flex-wrap gap-2 text-sm"
        tabs={FILTERS.map((filter) => ({
          href: `/${orgSlug}/automations${filter.value ? `?runs=${filter.value}` : ""}#run-log`,
          label: filter.label,
          current: status === filter.value,
        }))}
      />
      {runs.length === 0 ? (
        <EmptyState
          title={status ? "No runs with this outcome" : "No runs yet"}
          action={status ? { href: `/${orgSlug}/automations#run-log`, label: "Show all runs" } : undefined}
        >
          Runs appear when Sentry or GitHub deliver an event a rule listens to; add a rule above and point the webhooks
          below at Bosun.
        </EmptyState>
      ) : (
        <DataTable
          head={
            <TableHead
              columns={[
                { label: "Started", sort: "run-started" },
                { label: "Rule", sort: "run-rule" },
                "Input",
                "Decision",
                "Writes",
                { label: "Outcome", sort: "run-status" },
              ]}
              sorting={sorting}
            />
          }
        >
          {runs.map((run) => {
            return (
              <tr key={run.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="py-2 pr-4 text-xs">
                  <LocalTime at={run.startedAt} time={time} stacked />
                </td>
                <td className="py-2 pr-4">{run.rule?.name ?? "Deleted rule"}</td>
                <td className="py-2 pr-4">
                  {eventLine(run.input)}
                  {run.delivery && (
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {run.delivery.source} {run.delivery.eventType}
                    </span>
                  )}
                </td>
                <td className="py-2 pr-4">
                  {run.decision?.summary ?? "—"}
                  {run.decision?.notes.map((note) => (
                    <span key={note} className="block text-xs text-slate-500 dark:text-slate-400">
                      {note}
                    </span>
                  ))}
                </td>
                <td className="py-2 pr-4">
                  {run.intents.length === 0 ? (
                    <span className="text-slate-600 dark:text-slate-400">none</span>
                  ) : (
                    <ul className="space-y-1">
                      {run.intents.map((intent) => (
                        <li key={intent.id} className="text-xs">
                          <span className="font-mono">{intent.operation}</span> <StatusBadge status={intent.status} />
                          {intent.attempts > 1 && (
                            <span className="text-slate-500 dark:text-slate-400"> · {intent.attempts} attempts</span>
                          )}
                          {intent.lastError && intent.status !== "succeeded" && (
                            <UpstreamErrorText text={intent.lastError} />
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="py-2">
                  <StatusBadge status={run.status} />
                  {run.attempt > 1 && (
                    <span className="block text-xs text-slate-500 dark:text-slate-400">attempt {run.attempt}</span>
                  )}
                  {run.error && <UpstreamErrorText text={run.error} className="max-w-xs" />}
                  {run.status === "failed" && canRetry && (
                    <span className="mt-1 block">
                      <RetryButton orgSlug={orgSlug} target={{ run: run.id }} />
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
