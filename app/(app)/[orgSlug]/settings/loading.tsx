import { PanelSkeleton } from "@/components/ui/panel-skeleton";

/** Below the settings heading and tabs (the layout's, already shown): some tabs read Sentry or Jira before they render. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading settings" className="space-y-6">
      <PanelSkeleton label="Loading the first section" rows={4} />
      <PanelSkeleton label="Loading the next section" rows={3} />
    </div>
  );
}
