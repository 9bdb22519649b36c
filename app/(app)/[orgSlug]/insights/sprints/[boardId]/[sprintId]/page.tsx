import { Suspense } from "react";
import { notFound } from "next/navigation";
import { StreamedPageHeader } from "@/components/ui/streamed-page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { loadSprintReport } from "@/lib/features/sprint-reports";
import { SprintReportBody, SprintReportDescription, SprintReportSkeleton } from "./report-panels";
import type { OrgPageProps, SearchParams } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Sprint report" };

const asId = (value: string) => (/^\d{1,12}$/.test(value) ? Number(value) : null);

export default async function SprintReportPage({
  params,
  searchParams,
}: OrgPageProps<{ boardId: string; sprintId: string }> & { searchParams?: Promise<SearchParams> }) {
  const { orgSlug, boardId, sprintId } = await params;
  const { org } = await requireOrg(orgSlug);
  const board = asId(boardId);
  const sprint = asId(sprintId);
  if (board === null || sprint === null) notFound();
  // Not awaited here: the header renders at once, and the body awaits the stored history.
  const page = loadSprintReport({ orgId: org.id, boardId: board, sprintId: sprint });
  return (
    <>
      <StreamedPageHeader title="Sprint report" description={<SprintReportDescription page={page} />} />
      <Suspense fallback={<SprintReportSkeleton />}>
        <SprintReportBody orgSlug={org.slug} page={page} search={(await searchParams) ?? {}} />
      </Suspense>
    </>
  );
}
