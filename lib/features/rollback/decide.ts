import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import {
  claimRollbackApproval,
  dismissRollbackGate,
  findRollbackGateById,
  findRollbackIntentStateByKey,
  markRollbackFailed,
  setRollbackRequestIntent,
  type RollbackGateRow,
} from "@/lib/db/queries/rollback-gates";
import type { Role } from "@/lib/domain/permissions";
import {
  buildRollbackBody,
  canDecideRollback,
  rollbackIdempotencyKey,
  type RollbackEvidence,
} from "@/lib/domain/rollback";
import { getRollbackHookConfig } from "@/lib/integrations/deploy";
import { performWrite, type WriteOutcome } from "@/lib/platform/outbox";

/** Who is deciding: the signed-in member, as the action resolved them. */
export type Decider = {
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
  user: { id: string; name: string; email: string };
  requestId: string;
};

export type DecisionResult =
  { ok: true; data: { message: string } } | { ok: false; error: string; fieldErrors?: Record<string, string> };

const actorOf = ({ user }: Decider) => ({ type: "user" as const, id: user.id, label: user.email });
const refuseRole = ({ role, orgName }: Decider): DecisionResult => ({
  ok: false,
  error: `Your role (${role}) does not allow this: managers and admins of ${orgName} decide rollbacks.`,
});

/** The request body approving this gate now would send, with the decider as the approver (dry run and approval). */
export function rollbackBodyFor(gate: RollbackGateRow, decider: Decider, now: Date): string {
  const evidence = gate.evidence as unknown as RollbackEvidence;
  return buildRollbackBody({
    id: gate.id,
    org: decider.orgSlug,
    release: gate.release,
    environment: gate.environment,
    previousRelease: evidence.previousRelease,
    reason: evidence.summary,
    approvedBy: decider.user.name,
    approvedAt: now.toISOString(),
  });
}

/** The gate when it is the org's, else null (the action answers 404). */
async function gateOf(decider: Decider, gateId: string): Promise<RollbackGateRow | null> {
  return findRollbackGateById({ orgId: decider.orgId, gateId });
}

/** How long an approval may go without recording its write before it counts as lost (its process died in between). */
const LOST_APPROVAL_MS = 5 * 60_000;

/**
 * An approved gate whose request failed for good may be approved again (the outbox replaces the failed write), and
 * so may one whose approval never recorded a write at all, once that is clearly not still under way.
 */
async function reopenIfFailed(gate: RollbackGateRow, now: Date): Promise<void> {
  if (gate.status !== "approved") return;
  const intent = await findRollbackIntentStateByKey({
    orgId: gate.orgId,
    idempotencyKey: rollbackIdempotencyKey(gate.id),
  });
  const isLost = !intent && gate.decidedAt !== null && now.getTime() - gate.decidedAt.getTime() > LOST_APPROVAL_MS;
  if (isLost || intent?.status === "failed" || intent?.status === "dead")
    await markRollbackFailed({ orgId: gate.orgId, gateId: gate.id });
}

function describeOutcome(outcome: WriteOutcome<"deploy.rollback">): DecisionResult {
  if (outcome.status === "succeeded")
    return { ok: true, data: { message: `Sent: the deployment hook answered ${outcome.result.status}.` } };
  if (outcome.status === "pending")
    return {
      ok: true,
      data: {
        message: `Approved; the request is not delivered yet${outcome.error ? ` (${outcome.error})` : ""} and Bosun retries it with the same idempotency key.`,
      },
    };
  return { ok: false, error: `Approved, but the request failed: ${outcome.error}` };
}

/**
 * Approves a recommended rollback and sends the signed request through the outbox. The gate moves to approved in
 * one conditional update first, so a double click, a second manager or a retried request sends nothing more; the
 * request's idempotency key (`rollback:<gateId>`) makes a retry after a timeout reach the hook as the same request.
 */
export async function approveRollback(
  decider: Decider,
  gateId: string,
  now = new Date(),
): Promise<DecisionResult | null> {
  if (!canDecideRollback(decider.role)) return refuseRole(decider);
  const gate = await gateOf(decider, gateId);
  if (!gate) return null;
  const hook = await getRollbackHookConfig({ orgId: decider.orgId });
  if (!hook)
    return { ok: false, error: "No rollback hook is connected: an admin sets one in Settings → Integrations." };
  await reopenIfFailed(gate, now);
  const claimed = await claimRollbackApproval({ orgId: decider.orgId, gateId, userId: decider.user.id, at: now });
  if (!claimed) {
    const current = await gateOf(decider, gateId);
    if (current?.status === "dismissed") return { ok: false, error: "This rollback was dismissed already." };
    return { ok: true, data: { message: "This rollback was approved already; its request is sent once." } };
  }
  const body = rollbackBodyFor(gate, decider, now);
  const actor = actorOf(decider);
  const target = { type: "rollback_gate", id: gate.id };
  await appendAuditEntry({
    orgId: decider.orgId,
    actor,
    action: "rollback.approved",
    target,
    summary: `Approved rolling back ${gate.release} in ${gate.environment}`,
    changes: { status: { from: gate.status, to: "approved" }, url: hook.url },
    requestId: decider.requestId,
  });
  const outcome = await performWrite({
    orgId: decider.orgId,
    operation: "deploy.rollback",
    args: { gateId: gate.id, url: hook.url, body },
    orderingKey: rollbackIdempotencyKey(gate.id),
    idempotencyKey: rollbackIdempotencyKey(gate.id),
    actor,
    summary: `Sent the rollback request for ${gate.release} in ${gate.environment} to the deployment hook`,
    target,
    requestId: decider.requestId,
  });
  await setRollbackRequestIntent({ orgId: decider.orgId, gateId: gate.id, intentId: outcome.intentId });
  if (outcome.status === "failed") await markRollbackFailed({ orgId: decider.orgId, gateId: gate.id });
  return describeOutcome(outcome);
}

/** Dismisses a recommended rollback with the reason, which the gate keeps and the audit log records. */
export async function dismissRollback(
  decider: Decider,
  { gateId, reason }: { gateId: string; reason: string },
  now = new Date(),
): Promise<DecisionResult | null> {
  if (!canDecideRollback(decider.role)) return refuseRole(decider);
  const gate = await gateOf(decider, gateId);
  if (!gate) return null;
  const dismissed = await dismissRollbackGate({
    orgId: decider.orgId,
    gateId,
    userId: decider.user.id,
    reason,
    at: now,
  });
  if (!dismissed)
    return { ok: false, error: `This rollback was ${gate.status} already; it can no longer be dismissed.` };
  await appendAuditEntry({
    orgId: decider.orgId,
    actor: actorOf(decider),
    action: "rollback.dismissed",
    target: { type: "rollback_gate", id: gate.id },
    summary: `Dismissed the rollback of ${gate.release} in ${gate.environment}: ${reason}`,
    changes: { status: { from: "recommended", to: "dismissed" }, reason },
    requestId: decider.requestId,
  });
  return { ok: true, data: { message: "Dismissed." } };
}
