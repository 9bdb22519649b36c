import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { loadReleaseDetailPage } from "@/lib/features/releases";
import {
  CrashFreeChartPanel,
  CrashFreeChartSkeleton,
  FixVersionPanel,
  FixVersionSkeleton,
  NewIssuesPanel,
  NewIssuesSkeleton,
} from "./release-panels";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export default async function ReleaseDetailPage({ params }: OrgPageProps<{ version: string }>) {
  const { orgSlug, version: rawVersion } = await params;
  const { org } = await requireOrg(orgSlug);
  const version = decodeURIComponent(rawVersion);
  const page = await loadReleaseDetailPage({ orgId: org.id, version, requestId: await getRequestId() });
  if (!page.found) notFound();
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
            <Link href={`/${org.slug}/releases`} className="text-sm font-medium text-brand-600 hover:underline">
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
      <div className="grid gap-6 lg:grid-cols-2">
        <Suspense fallback={<CrashFreeChartSkeleton />}>
          <CrashFreeChartPanel detail={detail} />
        </Suspense>
        <Suspense fallback={<FixVersionSkeleton />}>
          <FixVersionPanel version={version} detail={detail} />
        </Suspense>
        <Suspense fallback={<NewIssuesSkeleton />}>
          <NewIssuesPanel version={version} newIssues={newIssues} />
        </Suspense>
      </div>
    </>
  );
}
