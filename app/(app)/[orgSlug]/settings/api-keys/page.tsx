import { PlannedFeature } from "@/components/shell/planned-feature";
import { PLANNED_FEATURES } from "@/components/shell/planned-features";
import { requireOrg } from "@/lib/auth/org";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  await requireOrg((await params).orgSlug);
  const { willShow, needs, providers } = PLANNED_FEATURES["api-keys"];
  return <PlannedFeature willShow={willShow} needs={needs} providers={providers} integrations={[]} />;
}
