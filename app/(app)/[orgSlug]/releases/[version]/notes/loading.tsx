import { PageHeader } from "@/components/ui/page-header";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";

/** The draft is generated from Jira and Sentry before the editor can open, so the whole page waits; this keeps its shape meanwhile. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the release notes">
      <PageHeader.Skeleton />
      <div className="grid gap-6 lg:grid-cols-2">
        <PanelSkeleton label="Loading the Markdown editor" rows={12} />
        <PanelSkeleton label="Loading the preview" rows={12} />
      </div>
    </div>
  );
}
