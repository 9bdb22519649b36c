import { Card } from "@/components/ui/card";
import { TableSkeleton } from "@/components/ui/panel-skeleton";
import type { ViewerTime } from "@/components/ui/local-time";
import type { TableSorting } from "@/components/ui/table-head";
import { loadAutomationRunLog, type RunOrder, type RunStatusFilter } from "@/lib/features/automations";
import { RunLog } from "./run-log";

/** The run log reads the most rows on the page, so it streams in after the rest has rendered. */
export async function RunLogPanel({
  orgId,
  orgSlug,
  status,
  order,
  canRetry,
  sorting,
  time,
}: {
  orgId: string;
  orgSlug: string;
  status: RunStatusFilter | undefined;
  /** The order `sorting` shows, read in SQL so the 50 runs are the first of the whole log in that order. */
  order: RunOrder;
  canRetry: boolean;
  sorting: TableSorting;
  time: ViewerTime;
}) {
  const runs = await loadAutomationRunLog({ orgId, status, order });
  return (
    <Card title="Run log">
      <RunLog orgSlug={orgSlug} runs={runs} status={status ?? ""} canRetry={canRetry} sorting={sorting} time={time} />
    </Card>
  );
}

/** The filter row and a few table rows of the run log's six columns. */
export function RunLogSkeleton() {
  return <TableSkeleton label="Loading the run log" rows={6} columns={6} />;
}
