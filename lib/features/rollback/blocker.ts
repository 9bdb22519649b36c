import "server-only";
import { listEnabledRules } from "@/lib/db/queries/automations";
import { setRollbackGateJiraKey, type RollbackGateRow } from "@/lib/db/queries/rollback-gates";
import {
  buildRollbackBlocker,
  buildRollbackBlockerUpdate,
  evidenceFingerprint,
  rollbackBlockerKey,
  type RollbackEvidence,
  type RollbackSettings,
} from "@/lib/domain/rollback";
import { getJiraConfig } from "@/lib/integrations/connections";
import { performWrite } from "@/lib/platform/outbox";

export const GATE_ACTOR = { type: "system" as const, id: null, label: "Rollback gate" };

/** The rules whose Jira project a release problem is filed in, when the org named none for the gate. */
const RELEASE_RULE_KINDS = [
  "release_health_to_jira",
  "performance_regression_to_jira",
  "sentry_issue_to_jira",
] as const;

async function blockerProjectKey(orgId: string, settings: RollbackSettings): Promise<string | null> {
  if (settings.jiraProjectKey) return settings.jiraProjectKey;
  const rules = await listEnabledRules({ orgId, kinds: [...RELEASE_RULE_KINDS] });
  for (const kind of RELEASE_RULE_KINDS) {
    const key = (rules.find((rule) => rule.kind === kind)?.config as { jiraProjectKey?: unknown } | undefined)
      ?.jiraProjectKey;
    if (typeof key === "string" && key) return key;
  }
  return null;
}

/**
 * Files the gate's one Jira blocker through the outbox (its key is the release and environment, so every
 * evaluation after the first gets the same issue back without calling Jira), and when the evidence says
 * something new, comments it on the blocker once per new finding. Returns why nothing was filed, or null.
 */
export async function fileOrUpdateBlocker({
  gate,
  evidence,
  previous,
  settings,
  releaseUrl,
  requestId,
}: {
  gate: RollbackGateRow;
  evidence: RollbackEvidence;
  /** The evidence before this evaluation, or null for a new gate. */
  previous: RollbackEvidence | null;
  settings: RollbackSettings;
  releaseUrl: string;
  requestId: string;
}): Promise<string | null> {
  const { orgId } = gate;
  if (!(await getJiraConfig({ orgId, requestId }))) return "Jira is not connected";
  const projectKey = await blockerProjectKey(orgId, settings);
  if (!projectKey) return "no Jira project is set for the rollback gate or a release rule";
  const key = rollbackBlockerKey(gate.release, gate.environment);
  const blocker = buildRollbackBlocker({ evidence, projectKey, releaseUrl });
  const created = await performWrite({
    orgId,
    operation: "jira.issue.create",
    args: { ...blocker, labels: [...blocker.labels] },
    orderingKey: key,
    idempotencyKey: key,
    actor: GATE_ACTOR,
    summary: `Filed the rollback blocker for ${gate.release} in ${gate.environment}`,
    target: { type: "rollback_gate", id: gate.id },
    requestId,
    waitForBackoff: true,
  });
  if (created.status !== "succeeded") return created.status === "failed" ? created.error : null;
  const issueKey = created.result.key;
  if (gate.jiraIssueKey !== issueKey) await setRollbackGateJiraKey({ orgId, gateId: gate.id, jiraIssueKey: issueKey });
  const fingerprint = evidenceFingerprint(evidence);
  if (previous && evidenceFingerprint(previous) !== fingerprint)
    await performWrite({
      orgId,
      operation: "jira.issue.comment",
      args: { issueKey, body: buildRollbackBlockerUpdate(evidence) },
      orderingKey: `jira:${issueKey}`,
      idempotencyKey: `${key}:${fingerprint}`,
      actor: GATE_ACTOR,
      summary: `Added the latest rollback evidence for ${gate.release} to ${issueKey}`,
      target: { type: "rollback_gate", id: gate.id },
      requestId,
      waitForBackoff: true,
    });
  return null;
}
