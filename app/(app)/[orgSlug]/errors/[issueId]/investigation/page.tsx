import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { findInvestigatedIssue, loadInvestigation } from "@/lib/features/investigation";
import { requireOrg } from "@/lib/platform/auth/org";
import { getRequestId } from "@/lib/platform/observability/request-context";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";
import { ReportPanel, ReportSkeleton } from "./report-panel";
import { WatchControl } from "@/components/notifications/watch-control";

export const metadata = { title: "Investigation report" };

/**
 * Everything known about one Sentry issue on one page, for every member of the
 * org: the latest event's exception, frames and breadcrumbs, the tag breakdown,
 * events and users over time, suspect commits, similar issues, owners and the
 * linked Jira ticket. The id is Sentry's numeric id and is read from the org's
 * own Sentry, so another org's issue is not found.
 */
export default async function InvestigationPage({ params }: OrgPageProps<{ issueId: string }>) {
  const { orgSlug, issueId } = await params;
  const { org, user } = await requireOrg(orgSlug);
  if (!/^\d{1,20}$/.test(issueId)) notFound();
  const requestId = await getRequestId();
  // Asked before anything streams (this segment has no loading.tsx), so an unknown issue is a real 404.
  if ((await findInvestigatedIssue({ orgId: org.id, issueId, requestId })) === "not-found") notFound();
  const report = loadInvestigation({ orgId: org.id, issueId, requestId });
  return (
    <>
      <PageHeader
        title={`Investigation of Sentry issue ${issueId}`}
        description="The latest event, where the issue happens, what changed before it and who owns it."
        actions={
          <span className="flex items-center gap-4 text-sm">
            <WatchControl
              org={org}
              userId={user.id}
              targetType="sentry_issue"
              targetId={issueId}
              targetLabel={`Sentry issue ${issueId}`}
            />
            <Link
              href={`/${org.slug}/errors/${issueId}/feedback`}
              className="font-medium text-brand-600 hover:underline dark:text-brand-300"
            >
              User feedback
            </Link>
            <Link
              href={`/${org.slug}/errors`}
              className="font-medium text-brand-600 hover:underline dark:text-brand-300"
            >
              All errors
            </Link>
          </span>
        }
      />
      <Suspense fallback={<ReportSkeleton />}>
        <ReportPanel load={report} orgSlug={org.slug} />
      </Suspense>
    </>
  );
}
