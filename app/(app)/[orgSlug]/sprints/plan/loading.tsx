import { PageHeader } from "@/components/ui/page-header";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";

/** The plan's heading names the board and its defaults come from Jira, so the whole page waits; this keeps its shape meanwhile. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the sprint plan">
      <PageHeader.Skeleton />
      <PanelSkeleton label="Loading the plan form" title={false} rows={6} columns={3} />
    </div>
  );
}
