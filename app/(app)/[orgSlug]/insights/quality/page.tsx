import { Suspense } from "react";
import { StreamedPageHeader } from "@/components/ui/streamed-page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { loadQualityPage } from "@/lib/features/quality";
import { QualityBody, QualityDescription, QualitySkeleton } from "./quality-panels";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Quality" };

export default async function QualityPage({ params, searchParams }: OrgSearchPageProps<{ board?: string }>) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  const search = await searchParams;
  const { board } = search;
  const boardId = Number(board);
  const now = new Date();
  // Not awaited here: the header renders at once, and the body awaits the reads.
  const page = loadQualityPage({
    orgId: org.id,
    boardId: board && Number.isInteger(boardId) ? boardId : undefined,
    now,
    requestId: await getRequestId(),
  });
  return (
    <>
      <StreamedPageHeader title="Quality" description={<QualityDescription page={page} />} />
      <Suspense fallback={<QualitySkeleton />}>
        <QualityBody orgSlug={org.slug} page={page} now={now} search={search} />
      </Suspense>
    </>
  );
}
