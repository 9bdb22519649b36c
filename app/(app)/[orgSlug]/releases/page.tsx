import { Suspense } from "react";
import { StreamedPageHeader } from "@/components/ui/streamed-page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { loadReleasesPage } from "@/lib/features/releases";
import { loadReleaseScorecards } from "@/lib/features/performance";
import { listReleasesWithOpenGate } from "@/lib/features/rollback";
import { parseSort } from "@/lib/domain/tables/sort";
import { getViewerTime } from "@/components/ui/tz-script";
import {
  RELEASE_SORT,
  ReleasesDescription,
  ReleasesFreshness,
  ReleasesPanel,
  ReleasesSkeleton,
} from "./releases-panels";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Releases" };

export default async function ReleasesPage({
  params,
  searchParams,
}: OrgSearchPageProps<{ sort?: string; dir?: string; regressions?: string }>) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  const search = await searchParams;
  const { regressions } = search;
  // Not awaited here: the header renders at once, and each part that needs Sentry awaits this one read.
  const requestId = await getRequestId();
  const releases = loadReleasesPage({ orgId: org.id, requestId });
  // The scorecards share the releases read (one cache entry), then add Sentry's performance and feedback figures.
  const scorecards = loadReleaseScorecards({ orgId: org.id, requestId });
  return (
    <>
      <StreamedPageHeader
        title="Releases"
        description={<ReleasesDescription releases={releases} />}
        actions={<ReleasesFreshness releases={releases} />}
      />
      <Suspense fallback={<ReleasesSkeleton />}>
        <ReleasesPanel
          orgSlug={org.slug}
          releases={releases}
          scorecards={scorecards}
          order={parseSort(RELEASE_SORT, search)}
          params={search}
          time={await getViewerTime()}
          regressions={regressions}
          openGates={listReleasesWithOpenGate({ orgId: org.id })}
        />
      </Suspense>
    </>
  );
}
