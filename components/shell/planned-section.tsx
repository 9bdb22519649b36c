import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/auth/org";
import { listIntegrationStatuses } from "@/lib/db/queries/integrations";
import { PlannedFeature } from "./planned-feature";
import { PLANNED_FEATURES, type PlannedFeatureKey } from "./planned-features";

/** A whole org page for a section that is not built yet; checks org access like any page. */
export async function PlannedSection({ orgSlug, feature }: { orgSlug: string; feature: PlannedFeatureKey }) {
  const { org } = await requireOrg(orgSlug);
  const integrations = await listIntegrationStatuses({ orgId: org.id });
  const spec = PLANNED_FEATURES[feature];
  return (
    <>
      <PageHeader title={spec.title} description={spec.description} />
      <PlannedFeature willShow={spec.willShow} needs={spec.needs} providers={spec.providers} integrations={integrations} />
    </>
  );
}
