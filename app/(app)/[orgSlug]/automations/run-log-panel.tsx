import { Card } from "@/components/ui/card";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { loadAutomationRunLog, type RunStatusFilter } from "@/lib/features/automations";
import { RunLog } from "./run-log";

/** The run log reads the most rows on the page, so it streams in after the rest has rendered. */
export async function RunLogPanel({
  orgId,
  orgSlug,
  status,
  canRetry,
}: {
  orgId: string;
  orgSlug: string;
  status: RunStatusFilter | undefined;
  canRetry: boolean;
}) {
  const runs = await loadAutomationRunLog({ orgId, status });
  return (
    <Card title="Run log">
      <RunLog orgSlug={orgSlug} runs={runs} status={status ?? ""} canRetry={canRetry} />
    </Card>
  );
}

/** The filter row and a few table rows of the run log's six columns. */
export function RunLogSkeleton() {
  return <PanelSkeleton label="Loading the run log" rows={6} columns={6} />;
}
