import { Card } from "@/components/ui/card";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { loadNewFeaturePage } from "@/lib/features/tickets";
import { FeatureForm } from "./feature-form";

/** The form waits on Jira's list of boards for its projects, so it streams in after the header. */
export async function FeaturePanel({ orgId, orgSlug }: { orgId: string; orgSlug: string }) {
  const page = await loadNewFeaturePage({ orgId });
  if (page.jira === "not-connected") {
    return <Card.Notice>Connect Jira in Settings → Integrations first.</Card.Notice>;
  }
  return <FeatureForm orgSlug={orgSlug} projects={page.projects} />;
}

/** The feature card's fields, then a story's. */
export function FeatureSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the feature form" className="space-y-6">
      <PanelSkeleton label="Loading the feature fields" rows={4} columns={3} />
      <PanelSkeleton label="Loading the first story" rows={5} />
    </div>
  );
}
