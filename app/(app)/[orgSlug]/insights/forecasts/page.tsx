import { Suspense } from "react";
import { StreamedPageHeader } from "@/components/ui/streamed-page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { loadForecastsPage } from "@/lib/features/forecasts";
import { ForecastsBody, ForecastsDescription, ForecastsSkeleton } from "./forecasts-panels";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Forecasts" };

type Params = { board?: string; item?: string };

export default async function ForecastsPage({ params, searchParams }: OrgSearchPageProps<Params>) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  const search = await searchParams;
  const { board, item } = search;
  const boardId = Number(board);
  const now = new Date();
  // Not awaited here: the header renders at once, and the body awaits the board's reads.
  const page = loadForecastsPage({
    orgId: org.id,
    boardId: board && Number.isInteger(boardId) ? boardId : undefined,
    now,
    requestId: await getRequestId(),
  });
  return (
    <>
      <StreamedPageHeader title="Forecasts" description={<ForecastsDescription page={page} />} />
      <Suspense fallback={<ForecastsSkeleton />}>
        <ForecastsBody orgSlug={org.slug} page={page} selected={item ?? null} now={now} search={search} />
      </Suspense>
    </>
  );
}
