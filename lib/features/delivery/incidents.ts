import "server-only";
import {
  listDeploysSince,
  listOpenIncidents,
  recordIncident as insertIncident,
  resolveIncidents,
  type IncidentInput,
} from "@/lib/db/queries/delivery-history";
import type { ReleaseScorecard } from "@/lib/domain/performance";
import type { ScorecardCheck } from "@/lib/features/performance";
import { INCIDENT_ENVIRONMENT } from "./constants";

export type { IncidentInput };

/** Records a failure once per source key (a retried job, a redelivered webhook or a second backfill adds nothing). */
export async function recordIncident({ orgId, incident }: { orgId: string; incident: IncidentInput }) {
  await insertIncident({ orgId, incident });
}

const regressionKey = (version: string, kind: "crash" | "performance") => `release-check:${version}:${kind}`;

/**
 * The release check's crash-free and performance regressions as incidents. Sentry's release health is per release,
 * not per environment, so each is placed in production, starting when the release first finished deploying there
 * (or when it was released, if Bosun has no deploy of it). A regression ends when a later release deployed to
 * production is not a regression.
 */
export async function recordReleaseRegressions({
  orgId,
  scorecards,
  now = new Date(),
}: ScorecardCheck): Promise<{ recorded: number; resolved: number }> {
  const firstDeploy = new Map<string, Date>();
  for (const deploy of await listDeploysSince({ orgId, since: new Date(now.getTime() - 365 * 86_400_000) })) {
    if (deploy.environment === INCIDENT_ENVIRONMENT && !firstDeploy.has(deploy.version))
      firstDeploy.set(deploy.version, deploy.dateFinished);
  }
  const startOf = (s: ReleaseScorecard) =>
    firstDeploy.get(s.version) ?? (s.dateReleased ? new Date(s.dateReleased) : null);

  let recorded = 0;
  for (const scorecard of scorecards) {
    const startedAt = startOf(scorecard);
    if (!startedAt) continue;
    if (scorecard.crashRegression.isRegression) {
      await insertIncident({
        orgId,
        incident: {
          kind: "crash_regression",
          version: scorecard.version,
          environment: INCIDENT_ENVIRONMENT,
          project: null,
          startedAt,
          summary: `Crash-free regression in ${scorecard.version}: ${scorecard.crashRegression.reason ?? "below the previous release"}`,
          sourceKey: regressionKey(scorecard.version, "crash"),
        },
      });
      recorded++;
    }
    if (scorecard.performanceRegressions.length > 0) {
      await insertIncident({
        orgId,
        incident: {
          kind: "performance_regression",
          version: scorecard.version,
          environment: INCIDENT_ENVIRONMENT,
          project: null,
          startedAt,
          summary: `Performance regression in ${scorecard.version}: ${scorecard.reasons.join("; ")}`,
          sourceKey: regressionKey(scorecard.version, "performance"),
        },
      });
      recorded++;
    }
  }

  // A later healthy release in production ends every regression open before it.
  const healthy = scorecards
    .filter((s) => !s.isRegression && firstDeploy.has(s.version))
    .map((s) => firstDeploy.get(s.version)!)
    .sort((a, b) => a.getTime() - b.getTime());
  let resolved = 0;
  const open = await listOpenIncidents({
    orgId,
    environment: INCIDENT_ENVIRONMENT,
    kinds: ["crash_regression", "performance_regression"],
  });
  for (const incident of open) {
    const next = healthy.find((at) => at > incident.startedAt);
    if (next) resolved += await resolveIncidents({ orgId, sourceKeys: [incident.sourceKey], resolvedAt: next });
  }
  return { recorded, resolved };
}

export const criticalIssueKey = (issueId: string) => `sentry-issue:${issueId}`;

/** A new Critical issue first seen in a release: a failure of that release from the issue's first event. */
export async function recordCriticalIssue({
  orgId,
  issue,
}: {
  orgId: string;
  issue: { id: string; shortId: string; title: string; firstSeen: string; projectSlug: string; release: string };
}) {
  await insertIncident({
    orgId,
    incident: {
      kind: "critical_issue",
      version: issue.release,
      environment: INCIDENT_ENVIRONMENT,
      project: issue.projectSlug,
      startedAt: new Date(issue.firstSeen),
      summary: `New critical issue ${issue.shortId}: ${issue.title}`,
      sourceKey: criticalIssueKey(issue.id),
    },
  });
}

/** Sentry resolved an issue: its critical-issue incident (if any) recovered then. */
export async function resolveCriticalIssue({
  orgId,
  issueId,
  resolvedAt,
}: {
  orgId: string;
  issueId: string;
  resolvedAt: Date;
}) {
  await resolveIncidents({ orgId, sourceKeys: [criticalIssueKey(issueId)], resolvedAt });
}

/** A rollback gate raised for a release in an environment: a failure of that release from the moment it was raised. */
export async function recordRollbackGate({
  orgId,
  release,
  environment,
  raisedAt,
  summary,
}: {
  orgId: string;
  release: string;
  environment: string;
  raisedAt: Date;
  summary: string;
}) {
  await insertIncident({
    orgId,
    incident: {
      kind: "rollback",
      version: release,
      environment,
      project: null,
      startedAt: raisedAt,
      summary,
      sourceKey: `rollback-gate:${release}:${environment}`,
    },
  });
}
