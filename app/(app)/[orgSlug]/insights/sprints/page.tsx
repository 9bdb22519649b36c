import { Suspense } from "react";
import { StreamedPageHeader } from "@/components/ui/streamed-page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { loadSprintTrends } from "@/lib/features/sprint-reports";
import { SprintTrendsBody, SprintTrendsDescription, SprintTrendsSkeleton } from "./trends-panels";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Sprint reports" };

type Params = { board?: string };

export default async function SprintReportsPage({ params, searchParams }: OrgSearchPageProps<Params>) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  const search = await searchParams;
  const { board } = search;
  // A board id that is not a number is no board of this org's: the loader answers not-found.
  const boardId = board === undefined || board === "" ? undefined : /^\d{1,12}$/.test(board) ? Number(board) : -1;
  // Not awaited here: the header renders at once, and the body awaits the stored history.
  const page = loadSprintTrends({ orgId: org.id, boardId });
  return (
    <>
      <StreamedPageHeader title="Sprint reports" description={<SprintTrendsDescription page={page} />} />
      <Suspense fallback={<SprintTrendsSkeleton />}>
        <SprintTrendsBody orgSlug={org.slug} page={page} search={search} />
      </Suspense>
    </>
  );
}
