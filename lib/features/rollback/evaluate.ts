import "server-only";
import { DEFAULT_RELEASE_HEALTH_SETTINGS, type ReleaseHealth } from "@/lib/domain/release-health";
import { decideRollbackGate, type GateDecision, type RollbackSettings } from "@/lib/domain/rollback";
import { loadReleaseScorecards } from "@/lib/features/performance";
import { loadReleasesPage, readIssuesFirstSeenIn, type ReleaseNewIssue } from "@/lib/features/releases";
import type { SentryClientConfig } from "@/lib/integrations/sentry";
import { listReleaseDeploys, type ReleaseDeploy } from "@/lib/integrations/sentry/deploys";

const HOUR_MS = 3_600_000;

export type ReleaseEvaluation = {
  release: string;
  decision: GateDecision;
  /** Unresolved issues first seen in the release, Critical first: whose owners hear about the gate. */
  newIssues: ReleaseNewIssue[];
};

/** When the release reached the environment: its last deploy there, or its release date when Sentry has no deploy. */
export function deployedAtIn(release: ReleaseDeploy, environment: string): Date | null {
  const at = release.lastDeploy
    ? release.lastDeploy.environment === environment
      ? release.lastDeploy.finishedAt
      : null
    : release.dateReleased;
  if (!at) return null;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Evaluates every release deployed to the environment within the org's window: crash-free rates from the releases
 * page's cached read (the same comparison its Regression flag makes), new issues with their severity, and the
 * scorecards' performance regressions. Releases outside the window cost no further Sentry read.
 */
export async function evaluateRecentReleases({
  orgId,
  sentry,
  settings,
  now,
  requestId,
}: {
  orgId: string;
  sentry: SentryClientConfig;
  settings: RollbackSettings;
  now: Date;
  requestId: string;
}): Promise<ReleaseEvaluation[]> {
  const windowStart = now.getTime() - settings.windowHours * HOUR_MS;
  const recent = (await listReleaseDeploys(sentry))
    .map((release) => ({ release, deployedAt: deployedAtIn(release, settings.environment) }))
    .filter(({ deployedAt }) => deployedAt !== null && deployedAt.getTime() >= windowStart);
  if (recent.length === 0) return [];
  const [page, scorecards] = await Promise.all([
    loadReleasesPage({ orgId, requestId }),
    loadReleaseScorecards({ orgId, requestId }),
  ]);
  const health = page.status === "ok" ? page.releases : [];
  const evaluations: ReleaseEvaluation[] = [];
  for (const { release, deployedAt } of recent) {
    const newIssues = await readIssuesFirstSeenIn({ orgId, version: release.version, requestId });
    const regressions =
      scorecards.scorecards.find((card) => card.version === release.version)?.performanceRegressions ?? [];
    const decision = decideRollbackGate({
      release: release.version,
      environment: settings.environment,
      deployedAt,
      now,
      crashFree: crashFreeOf(health, release.version),
      newIssues: newIssues.map(({ shortId, title, severity }) => ({ shortId, title, severity })),
      performanceRegressions: regressions.map(({ metric, changePercent, reason }) => ({
        metric,
        changePercent,
        reason,
      })),
      settings,
      health: DEFAULT_RELEASE_HEALTH_SETTINGS,
    });
    const critical = newIssues.filter((issue) => issue.severity === "critical");
    const rest = newIssues.filter((issue) => issue.severity !== "critical");
    evaluations.push({ release: release.version, decision, newIssues: [...critical, ...rest] });
  }
  return evaluations;
}

function crashFreeOf(releases: ReleaseHealth[], version: string) {
  const release = releases.find((r) => r.version === version);
  if (!release) return null;
  const previous = release.regression.comparedTo
    ? releases.find((r) => r.version === release.regression.comparedTo)
    : undefined;
  return {
    rate: release.crashFreeSessions,
    sessions: release.totalSessions,
    previousVersion: previous?.version ?? null,
    previousRate: previous?.crashFreeSessions ?? null,
    previousSessions: previous?.totalSessions ?? 0,
  };
}
