import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { findOrgSlugForGates, findRollbackGate, upsertRollbackGate } from "@/lib/db/queries/rollback-gates";
import type { JsonInput } from "@/lib/db/types";
import type { RollbackEvidence } from "@/lib/domain/rollback";
import { notify } from "@/lib/features/notifications";
import { recordRollbackGate } from "@/lib/features/delivery";
import { getSentryConfig } from "@/lib/integrations/connections";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";
import { fileOrUpdateBlocker, GATE_ACTOR } from "./blocker";
import { evaluateRecentReleases, type ReleaseEvaluation } from "./evaluate";
import { findReleaseOwnerIds } from "./owners";
import { getRollbackSettings } from "./settings";
import type { SentryClientConfig } from "@/lib/integrations/sentry";

export type RaisedGates = { evaluated: number; raised: string[]; refreshed: string[] };

/**
 * Raises "Rollback recommended" for every release that regressed inside its window after the deploy: one gate
 * per release and environment, created once (the raising audited and told to the release's owners and the org's
 * managers), its evidence refreshed while it waits for a decision, and never re-opened once decided. Each open
 * gate has one Jira blocker. Run by the periodic release check.
 */
export async function raiseRollbackGates({
  orgId,
  requestId,
  now = new Date(),
}: {
  orgId: string;
  requestId: string;
  now?: Date;
}): Promise<RaisedGates> {
  const result: RaisedGates = { evaluated: 0, raised: [], refreshed: [] };
  const [sentry, settings, orgSlug] = await Promise.all([
    getSentryConfig({ orgId, requestId }),
    getRollbackSettings({ orgId }),
    findOrgSlugForGates({ orgId }),
  ]);
  if (!sentry || !orgSlug) return result;
  const evaluations = await evaluateRecentReleases({ orgId, sentry, settings, now, requestId });
  result.evaluated = evaluations.length;
  for (const evaluation of evaluations) {
    if (!evaluation.decision.raise) continue;
    const { evidence } = evaluation.decision;
    const before = await findRollbackGate({ orgId, release: evidence.release, environment: evidence.environment });
    const { gate, created } = await upsertRollbackGate({
      orgId,
      release: evidence.release,
      environment: evidence.environment,
      evidence: evidence as unknown as JsonInput,
    });
    if (gate.status !== "recommended") continue;
    const path = `/${orgSlug}/releases/${encodeURIComponent(evidence.release)}`;
    if (created) {
      result.raised.push(evidence.release);
      await recordRollbackGate({
        orgId,
        release: evidence.release,
        environment: evidence.environment,
        raisedAt: now,
        summary: `Rollback recommended for ${evidence.release} in ${evidence.environment}`,
      });
      await announce({ orgId, gateId: gate.id, evidence, path, requestId, sentry, evaluation });
    } else result.refreshed.push(evidence.release);
    const problem = await fileOrUpdateBlocker({
      gate,
      evidence,
      previous: before ? (before.evidence as unknown as RollbackEvidence) : null,
      settings,
      releaseUrl: `${env.publicUrl}${path}`,
      requestId,
    });
    if (problem) logger.warn({ orgId, gateId: gate.id, problem }, "the rollback blocker was not filed");
  }
  return result;
}

async function announce({
  orgId,
  gateId,
  evidence,
  path,
  requestId,
  sentry,
  evaluation,
}: {
  orgId: string;
  gateId: string;
  evidence: RollbackEvidence;
  path: string;
  requestId: string;
  sentry: SentryClientConfig;
  evaluation: ReleaseEvaluation;
}) {
  await appendAuditEntry({
    orgId,
    actor: GATE_ACTOR,
    action: "rollback.recommended",
    target: { type: "rollback_gate", id: gateId },
    summary: `Rollback recommended for ${evidence.release} in ${evidence.environment}: ${evidence.summary}`,
    changes: {
      release: evidence.release,
      environment: evidence.environment,
      signals: evidence.signals.map((s) => s.kind),
    },
    requestId,
  });
  const owners = await findReleaseOwnerIds({ orgId, sentry, newIssues: evaluation.newIssues });
  const projects = [...new Set(evaluation.newIssues.map((issue) => issue.project.slug))];
  await notify({
    orgId,
    event: "rollback_recommended",
    recipients: {
      userIds: owners,
      roles: ["manager", "admin"],
      // Without owners by rule, the people watching the release or its projects are its owners.
      watchersOf:
        owners.length > 0
          ? []
          : [
              { targetType: "release", targetId: evidence.release },
              ...projects.map((slug) => ({ targetType: "sentry_project" as const, targetId: slug })),
            ],
    },
    title: `Rollback recommended: ${evidence.release} in ${evidence.environment}`,
    body: `${evidence.summary} A manager can approve the rollback or dismiss it on the release page.`,
    link: path,
    dedupeKey: `rollback:${gateId}`,
  });
}
