import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { IntegrationStatusList } from "@/components/shell/integration-status";
import { AttentionPanel, AttentionPanelSkeleton } from "@/components/overview/attention-panel";
import { IssuesPanel, IssuesPanelSkeleton } from "@/components/overview/issues-panel";
import { ReleasesPanel, ReleasesPanelSkeleton } from "@/components/overview/releases-panel";
import { SprintsPanel, SprintsPanelSkeleton } from "@/components/overview/sprints-panel";
import { requireOrg } from "@/lib/platform/auth/org";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { can } from "@/lib/domain/permissions";
import {
  loadOverviewAttention,
  loadOverviewIssues,
  loadOverviewOrgSummary,
  loadOverviewReleases,
  loadOverviewSprints,
} from "@/lib/features/overview";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Overview" };

/**
 * The first page a manager opens: can each team carry its sprint, what is breaking, how the latest releases are
 * doing, and what waits for them. Every panel reads cached data (a warm view asks Jira and Sentry nothing) and
 * streams behind its own boundary, so one slow service holds up only its own panel.
 */
export default async function OverviewPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const { org, role, user } = await requireOrg(orgSlug);
  const now = new Date();
  const requestId = await getRequestId();
  // Started together and not awaited here: each panel awaits its own read behind its Suspense boundary.
  const sprints = loadOverviewSprints({ orgId: org.id, now, requestId });
  const issues = loadOverviewIssues({ orgId: org.id, requestId });
  const releases = loadOverviewReleases({ orgId: org.id, requestId });
  const attention = loadOverviewAttention({ orgId: org.id, userId: user.id, role, now });
  const { integrations, people } = await loadOverviewOrgSummary({ orgId: org.id });
  const panel = { orgSlug: org.slug, now, canManageIntegrations: can(role, "integrations:manage") };

  return (
    <>
      <PageHeader title={org.name} description={`You are signed in as ${role}.`} />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Suspense fallback={<SprintsPanelSkeleton />}>
            <SprintsPanel {...panel} sprints={sprints} />
          </Suspense>
          <Suspense fallback={<IssuesPanelSkeleton />}>
            <IssuesPanel {...panel} issues={issues} />
          </Suspense>
          <Suspense fallback={<ReleasesPanelSkeleton />}>
            <ReleasesPanel {...panel} releases={releases} />
          </Suspense>
        </div>
        <div className="min-w-0 space-y-6">
          <Suspense fallback={<AttentionPanelSkeleton />}>
            <AttentionPanel orgSlug={org.slug} now={now} attention={attention} />
          </Suspense>
          <Card title="Integrations">
            <IntegrationStatusList rows={integrations} providers={["jira", "sentry", "github"]} />
          </Card>
          <Card title="People">
            <p className="text-3xl font-semibold tabular-nums">{people.total}</p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {people.admin} admin · {people.manager} manager · {people.member} member
            </p>
          </Card>
        </div>
      </div>
    </>
  );
}
