import { InsightsTabs } from "@/components/insights/insights-tabs";
import { requireOrg } from "@/lib/platform/auth/org";
import type { OrgLayoutProps } from "@/app/(app)/[orgSlug]/org-page-props";

/** Insights: delivery figures over history, for everyone in the org. Each tab is its own page with its own header. */
export default async function InsightsLayout({ children, params }: OrgLayoutProps) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  return (
    <>
      <InsightsTabs orgSlug={org.slug} />
      {children}
    </>
  );
}
