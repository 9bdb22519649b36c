import type { RunLogEntry } from "@/lib/features/automations";
import { type AutomationEvent, describeEvent } from "@/lib/domain/automations";
import { DataTable } from "@/components/ui/data-table";
import { LinkTabs } from "@/components/ui/link-tabs";
import { TableHead } from "@/components/ui/table-head";
import { RetryButton } from "./retry-button";
import { StatusBadge } from "./status-badge";

const FILTERS = [
  { value: "", label: "All" },
  { value: "failed", label: "Failed" },
  { value: "pending", label: "Waiting" },
  { value: "succeeded", label: "Succeeded" },
  { value: "skipped", label: "Skipped" },
];
const time = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");

function eventLine(input: unknown): string {
  try {
    return describeEvent(input as AutomationEvent);
  } catch {
    return "An event Bosun no longer reads";
  }
}

/** Every run: what came in, what the rule decided, the writes it made and how it ended. */
export function RunLog({
  orgSlug,
  runs,
  status,
  canRetry,
}: {
  orgSlug: string;
  runs: RunLogEntry[];
  status: string;
  canRetry: boolean;
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
        <p className="text-sm text-slate-500">
          No runs {status ? "with this outcome " : ""}yet. Runs appear when Sentry or GitHub deliver an event a rule
          listens to.
        </p>
      ) : (
        <DataTable head={<TableHead columns={["Started (UTC)", "Rule", "Input", "Decision", "Writes", "Outcome"]} />}>
          {runs.map((run) => {
            const decision = run.decision as { summary?: string; notes?: string[] } | null;
            return (
              <tr key={run.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs">{time(run.startedAt)}</td>
                <td className="py-2 pr-4">{run.rule?.name ?? "Deleted rule"}</td>
                <td className="py-2 pr-4">
                  {eventLine(run.input)}
                  {run.delivery && (
                    <span className="block text-xs text-slate-500">
                      {run.delivery.source} {run.delivery.eventType}
                    </span>
                  )}
                </td>
                <td className="py-2 pr-4">
                  {decision?.summary ?? "—"}
                  {decision?.notes?.map((note) => (
                    <span key={note} className="block text-xs text-slate-500">
                      {note}
                    </span>
                  ))}
                </td>
                <td className="py-2 pr-4">
                  {run.intents.length === 0 ? (
                    <span className="text-slate-400">none</span>
                  ) : (
                    <ul className="space-y-1">
                      {run.intents.map((intent) => (
                        <li key={intent.id} className="text-xs">
                          <span className="font-mono">{intent.operation}</span> <StatusBadge status={intent.status} />
                          {intent.attempts > 1 && <span className="text-slate-500"> · {intent.attempts} attempts</span>}
                          {intent.lastError && intent.status !== "succeeded" && (
                            <span className="block text-red-600">{intent.lastError}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="py-2">
                  <StatusBadge status={run.status} />
                  {run.attempt > 1 && <span className="block text-xs text-slate-500">attempt {run.attempt}</span>}
                  {run.error && <span className="block max-w-xs text-xs text-red-600">{run.error}</span>}
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
