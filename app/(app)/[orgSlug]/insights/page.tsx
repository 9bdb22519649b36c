import { Suspense } from "react";
import { StreamedPageHeader } from "@/components/ui/streamed-page-header";
import { loadDoraPage, parseDoraFilters } from "@/lib/features/delivery";
import { requireOrg } from "@/lib/platform/auth/org";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";
import { DoraCardsPanel, DoraCardsSkeleton } from "./dora-cards";
import { DoraDescription, DoraFiltersPanel, DoraFiltersSkeleton, DoraFreshness } from "./dora-filters";
import { DoraTablesPanel, DoraTablesSkeleton } from "./dora-tables";
import { getViewerTime } from "@/components/ui/tz-script";
import { DoraTrendsPanel, DoraTrendsSkeleton } from "./dora-trends";

export const metadata = { title: "Delivery · Insights" };

type Params = Record<string, string | undefined>;

/** Insights → Delivery: the DORA four keys from the org's stored delivery history (no upstream read on a view). */
export default async function DeliveryInsightsPage({ params, searchParams }: OrgSearchPageProps<Params>) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  const raw = await searchParams;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") query.set(key, value);
  const filters = parseDoraFilters(query);
  // Not awaited: the header shows at once, each panel awaits the one read.
  const page = loadDoraPage({ orgId: org.id, filters });
  void page.catch(() => undefined);
  const withParams = (changes: Params) => {
    const next = new URLSearchParams();
    const merged = {
      days: String(filters.days),
      environment: filters.environment,
      project: filters.project ?? undefined,
      ...changes,
    };
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, value);
    return `/${org.slug}/insights?${next.toString()}`;
  };

  return (
    <>
      <StreamedPageHeader
        title="Delivery"
        description={<DoraDescription page={page} />}
        actions={<DoraFreshness page={page} />}
      />
      <Suspense fallback={<DoraFiltersSkeleton />}>
        <DoraFiltersPanel page={page} withParams={withParams} />
      </Suspense>
      <Suspense fallback={<DoraCardsSkeleton />}>
        <DoraCardsPanel page={page} />
      </Suspense>
      <Suspense fallback={<DoraTrendsSkeleton />}>
        <DoraTrendsPanel page={page} />
      </Suspense>
      <Suspense fallback={<DoraTablesSkeleton />}>
        <DoraTablesPanel page={page} orgSlug={org.slug} search={raw} time={await getViewerTime()} />
      </Suspense>
    </>
  );
}
