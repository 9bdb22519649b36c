import { Suspense } from "react";
import Link from "next/link";
import { StreamedPageHeader } from "@/components/ui/streamed-page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { loadSprintDashboard } from "@/lib/features/sprints";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { PlanSprintLink, SprintsBody, SprintsDescription, SprintsSkeleton } from "./dashboard-panels";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";
import { getViewerTime } from "@/components/ui/tz-script";

export const metadata = { title: "Sprints" };

export default async function SprintsPage({ params, searchParams }: OrgSearchPageProps<{ board?: string }>) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const boardParam = Number((await searchParams).board);
  const time = await getViewerTime();
  const { now } = time;
  // Not awaited here: the header and links render at once, and each part that needs Jira awaits this one read.
  const dashboard = loadSprintDashboard({
    orgId: org.id,
    boardId: Number.isInteger(boardParam) ? boardParam : undefined,
    now,
    requestId: await getRequestId(),
  });
  const links = (
    <div className="flex items-center gap-3">
      <Link
        href={`/${org.slug}/sprints/availability`}
        className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-300"
      >
        Availability
      </Link>
      {can(role, "tickets:create") && (
        <Link
          href={`/${org.slug}/tickets/new`}
          className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-300"
        >
          New feature
        </Link>
      )}
      {can(role, "sprints:plan") && (
        <Suspense fallback={null}>
          <PlanSprintLink orgSlug={org.slug} dashboard={dashboard} />
        </Suspense>
      )}
    </div>
  );

  return (
    <>
      <StreamedPageHeader title="Sprints" description={<SprintsDescription dashboard={dashboard} />} actions={links} />
      <Suspense fallback={<SprintsSkeleton />}>
        <SprintsBody orgSlug={org.slug} dashboard={dashboard} time={time} />
      </Suspense>
    </>
  );
}
