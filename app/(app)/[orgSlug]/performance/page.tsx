import { Suspense } from "react";
import { StreamedPageHeader } from "@/components/ui/streamed-page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { parseSort } from "@/lib/domain/tables/sort";
import {
  loadPerformancePage,
  PERFORMANCE_PERIODS,
  type PerformancePageFilters,
  type PerformancePeriod,
} from "@/lib/features/performance";
import { FiltersPanel, FiltersSkeleton, PerformanceDescription, PerformanceFreshness } from "./filters-panel";
import { ChartsSkeleton, ApiLatencyPanel, VitalSeriesPanel } from "./charts-panel";
import { TRANSACTION_SORT, TransactionsPanel, TransactionsSkeleton } from "./transactions-panel";
import { VitalsPanel, VitalsSkeleton } from "./vitals-panel";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Performance" };

type Params = Record<string, string | undefined>;

function parseFilters(params: Params): PerformancePageFilters {
  const period = PERFORMANCE_PERIODS.includes(params.period as PerformancePeriod)
    ? (params.period as PerformancePeriod)
    : "7d";
  const { key: sort } = parseSort(TRANSACTION_SORT, params);
  return { period, sort, project: params.project || undefined, environment: params.environment || undefined };
}

export default async function PerformancePage({ params, searchParams }: OrgSearchPageProps<Params>) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  const raw = await searchParams;
  const filters = parseFilters(raw);
  // Not awaited here: the header renders at once, and each panel awaits only its own Sentry read.
  const page = loadPerformancePage({ orgId: org.id, filters, requestId: await getRequestId() });
  const withParams = (changes: Params) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...raw, ...changes })) if (value) next.set(key, value);
    return `/${org.slug}/performance?${next.toString()}`;
  };

  return (
    <>
      <StreamedPageHeader
        title="Performance"
        description={<PerformanceDescription page={page} />}
        actions={<PerformanceFreshness page={page} />}
      />
      <Suspense fallback={<FiltersSkeleton />}>
        <FiltersPanel page={page} withParams={withParams} />
      </Suspense>
      <Suspense fallback={<VitalsSkeleton />}>
        <VitalsPanel page={page} />
      </Suspense>
      <Suspense fallback={<TransactionsSkeleton />}>
        <TransactionsPanel page={page} order={parseSort(TRANSACTION_SORT, raw)} params={raw} />
      </Suspense>
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <Suspense fallback={<ChartsSkeleton label="Loading the web vitals over time" />}>
          <VitalSeriesPanel page={page} />
        </Suspense>
        <Suspense fallback={<ChartsSkeleton label="Loading API latency over time" />}>
          <ApiLatencyPanel page={page} />
        </Suspense>
      </div>
    </>
  );
}
