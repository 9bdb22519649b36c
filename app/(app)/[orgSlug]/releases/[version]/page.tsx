import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { loadReleaseDetailPage } from "@/lib/features/releases";
import { listUserFeedback, loadReleaseScorecards } from "@/lib/features/performance";
import { FeedbackPanel, FeedbackSkeleton } from "@/components/feedback/feedback-list";
import { ScorecardPanel, ScorecardSkeleton } from "../scorecard-card";
import {
  CrashFreeChartPanel,
  CrashFreeChartSkeleton,
  FixVersionPanel,
  FixVersionSkeleton,
  NewIssuesPanel,
  NewIssuesSkeleton,
} from "./release-panels";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";
import { canDecideRollback } from "@/lib/domain/rollback";
import { RollbackGate } from "./rollback-gate";
import { WatchControl } from "@/components/notifications/watch-control";

export default async function ReleaseDetailPage({
  params,
  searchParams,
}: OrgPageProps<{ version: string }> & { searchParams: Promise<{ feedback?: string | string[] }> }) {
  const { orgSlug, version: rawVersion } = await params;
  const { org, role, user } = await requireOrg(orgSlug);
  const version = decodeURIComponent(rawVersion);
  const raw = (await searchParams).feedback;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? "";
  const requestId = await getRequestId();
  // Not awaited: the scorecards (one read for every release) start beside the page's own read and stream in later.
  const scorecards = loadReleaseScorecards({ orgId: org.id, requestId });
  void scorecards.catch(() => undefined); // the panel shows a failure; a 404 leaves it unread
  const page = await loadReleaseDetailPage({ orgId: org.id, version, requestId });
  if (!page.found) notFound();
  const feedback = listUserFeedback({ orgId: org.id, release: version, query, requestId });
  const { release, detail, newIssues } = page;
  return (
    <>
      <PageHeader
        title={`Release ${version}`}
        description={
          release
            ? `Crash-free sessions ${release.crashFreeSessions ?? "—"}%, users ${release.crashFreeUsers ?? "—"}%, adoption ${release.adoptionPercent ?? "—"}%, ${release.totalSessions.toLocaleString("en")} sessions.`
            : undefined
        }
        actions={
          <div className="flex items-center gap-3">
            <WatchControl
              org={org}
              userId={user.id}
              targetType="release"
              targetId={version}
              targetLabel={`release ${version}`}
            />
            <Link
              href={`/${org.slug}/releases`}
              className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-300"
            >
              All releases
            </Link>
            <Link
              href={`/${org.slug}/releases/${encodeURIComponent(version)}/notes`}
              className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
            >
              Release notes
            </Link>
          </div>
        }
      />
      {release?.regression.isRegression && (
        <p
          role="alert"
          className="mb-6 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
        >
          Regression: {release.regression.reason}
        </p>
      )}
      <Suspense fallback={null}>
        <RollbackGate orgId={org.id} orgSlug={org.slug} version={version} canDecide={canDecideRollback(role)} />
      </Suspense>
      <div className="grid gap-6 lg:grid-cols-2">
        <Suspense fallback={<ScorecardSkeleton />}>
          <ScorecardPanel version={version} scorecards={scorecards} />
        </Suspense>
        <Suspense fallback={<CrashFreeChartSkeleton />}>
          <CrashFreeChartPanel detail={detail} />
        </Suspense>
        <Suspense fallback={<FixVersionSkeleton />}>
          <FixVersionPanel version={version} detail={detail} />
        </Suspense>
        <Suspense fallback={<NewIssuesSkeleton />}>
          <NewIssuesPanel version={version} newIssues={newIssues} />
        </Suspense>
        <Suspense key={query} fallback={<FeedbackSkeleton className="lg:col-span-2" />}>
          <FeedbackPanel
            title={`User feedback on ${version}`}
            list={feedback}
            query={query}
            release={version}
            className="lg:col-span-2"
          />
        </Suspense>
      </div>
    </>
  );
}
