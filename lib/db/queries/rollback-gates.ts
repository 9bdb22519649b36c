import "server-only";
import { db } from "@/lib/db/client";
import type { JsonInput, Tx } from "@/lib/db/types";

/** Rollback gates: one per release and environment of an org; every read and write filters on the org. */

const gateSelect = {
  id: true,
  orgId: true,
  release: true,
  environment: true,
  status: true,
  evidence: true,
  raisedAt: true,
  jiraIssueKey: true,
  decidedById: true,
  decidedAt: true,
  dismissReason: true,
  requestIntentId: true,
  responseStatus: true,
  responseBody: true,
  updatedAt: true,
} as const;

export async function findRollbackGate({
  orgId,
  release,
  environment,
}: {
  orgId: string;
  release: string;
  environment: string;
}) {
  return db.rollbackGate.findUnique({
    where: { orgId_release_environment: { orgId, release, environment } },
    select: gateSelect,
  });
}

export async function findRollbackGateById({ orgId, gateId }: { orgId: string; gateId: string }) {
  return db.rollbackGate.findFirst({ where: { id: gateId, orgId }, select: gateSelect });
}

/** Every gate of one release (one per environment), newest first. */
export async function listRollbackGatesOfRelease({ orgId, release }: { orgId: string; release: string }) {
  return db.rollbackGate.findMany({ where: { orgId, release }, select: gateSelect, orderBy: { raisedAt: "desc" } });
}

export type RollbackGateRow = NonNullable<Awaited<ReturnType<typeof findRollbackGateById>>>;

/**
 * Records a gate for the release, or refreshes the evidence of one still waiting for a decision. A gate that was
 * decided (approved, sent, failed or dismissed) keeps the evidence it was decided on and its status: re-evaluating
 * never re-opens it. `created` is true only for the call that inserted the row.
 */
export async function upsertRollbackGate({
  orgId,
  release,
  environment,
  evidence,
}: {
  orgId: string;
  release: string;
  environment: string;
  evidence: JsonInput;
}): Promise<{ gate: RollbackGateRow; created: boolean }> {
  // Insert-if-absent first, so two checks racing on one release cannot both create it.
  const inserted = await db.rollbackGate.createMany({
    data: [{ orgId, release, environment, evidence }],
    skipDuplicates: true,
  });
  if (inserted.count === 0)
    await db.rollbackGate.updateMany({
      where: { orgId, release, environment, status: "recommended" },
      data: { evidence },
    });
  const gate = await db.rollbackGate.findUniqueOrThrow({
    where: { orgId_release_environment: { orgId, release, environment } },
    select: gateSelect,
  });
  return { gate, created: inserted.count === 1 };
}

export async function setRollbackGateJiraKey({
  orgId,
  gateId,
  jiraIssueKey,
}: {
  orgId: string;
  gateId: string;
  jiraIssueKey: string;
}) {
  await db.rollbackGate.updateMany({ where: { id: gateId, orgId }, data: { jiraIssueKey } });
}

/**
 * Moves a recommended gate (or one whose request failed for good) to approved, once: of two clicks (or two
 * managers) only the first gets `true`; the second finds it approved already and sends nothing.
 */
export async function claimRollbackApproval({
  orgId,
  gateId,
  userId,
  at,
}: {
  orgId: string;
  gateId: string;
  userId: string;
  at: Date;
}): Promise<boolean> {
  const claimed = await db.rollbackGate.updateMany({
    where: { id: gateId, orgId, status: { in: ["recommended", "failed"] } },
    data: { status: "approved", decidedById: userId, decidedAt: at, responseStatus: null, responseBody: null },
  });
  return claimed.count === 1;
}

export async function setRollbackRequestIntent({
  orgId,
  gateId,
  intentId,
}: {
  orgId: string;
  gateId: string;
  intentId: string;
}) {
  await db.rollbackGate.updateMany({ where: { id: gateId, orgId }, data: { requestIntentId: intentId } });
}

/** The hook's answer, recorded in the transaction that marks the outbox write succeeded. */
export async function recordRollbackAnswer(
  {
    orgId,
    gateId,
    intentId,
    responseStatus,
    responseBody,
  }: { orgId: string; gateId: string; intentId: string; responseStatus: number; responseBody: string },
  tx: Tx,
): Promise<boolean> {
  const updated = await tx.rollbackGate.updateMany({
    where: { id: gateId, orgId, status: { in: ["approved", "failed"] } },
    data: { status: "sent", requestIntentId: intentId, responseStatus, responseBody },
  });
  return updated.count === 1;
}

/** A request that failed for good: the gate says so (the intent keeps the reason), and may be approved again. */
export async function markRollbackFailed({ orgId, gateId }: { orgId: string; gateId: string }) {
  await db.rollbackGate.updateMany({ where: { id: gateId, orgId, status: "approved" }, data: { status: "failed" } });
}

/** The state of the outbox write under a gate's idempotency key, whether or not the gate recorded its id. */
export async function findRollbackIntentStateByKey({
  orgId,
  idempotencyKey,
}: {
  orgId: string;
  idempotencyKey: string;
}) {
  return db.outboxIntent.findUnique({
    where: { orgId_idempotencyKey: { orgId, idempotencyKey } },
    select: { id: true, status: true, lastError: true, nextAttemptAt: true },
  });
}

/**
 * The hook's answer, read from the intent's stored result, recorded on the gate in the transaction that marks the
 * outbox write succeeded (the result is written first in that transaction).
 */
export async function recordRollbackAnswerFromIntent(
  { orgId, gateId, intentId }: { orgId: string; gateId: string; intentId: string },
  tx: Tx,
): Promise<{ status: number; body: string } | null> {
  const intent = await tx.outboxIntent.findFirst({ where: { id: intentId, orgId }, select: { result: true } });
  const result = intent?.result as { status?: unknown; body?: unknown } | null | undefined;
  if (typeof result?.status !== "number") return null;
  const answer = { status: result.status, body: typeof result.body === "string" ? result.body : "" };
  const recorded = await recordRollbackAnswer(
    { orgId, gateId, intentId, responseStatus: answer.status, responseBody: answer.body },
    tx,
  );
  return recorded ? answer : null;
}

/** Dismisses a gate still waiting for a decision; false when it was decided already. */
export async function dismissRollbackGate({
  orgId,
  gateId,
  userId,
  reason,
  at,
}: {
  orgId: string;
  gateId: string;
  userId: string;
  reason: string;
  at: Date;
}): Promise<boolean> {
  const dismissed = await db.rollbackGate.updateMany({
    where: { id: gateId, orgId, status: "recommended" },
    data: { status: "dismissed", decidedById: userId, decidedAt: at, dismissReason: reason },
  });
  return dismissed.count === 1;
}

/** Releases with a gate still waiting for a manager, for the releases list's badge. */
export async function listOpenRollbackReleases({ orgId }: { orgId: string }): Promise<string[]> {
  const gates = await db.rollbackGate.findMany({
    where: { orgId, status: "recommended" },
    select: { release: true },
    distinct: ["release"],
  });
  return gates.map((gate) => gate.release);
}

/** Who decided, by name, for the panel. */
export async function findDeciderName({ orgId, userId }: { orgId: string; userId: string }): Promise<string | null> {
  const membership = await db.membership.findFirst({
    where: { orgId, userId },
    select: { user: { select: { name: true } } },
  });
  return membership?.user.name ?? null;
}

/** The org's slug, for links in notifications and the Jira blocker; null for an org that no longer exists. */
export async function findOrgSlugForGates({ orgId }: { orgId: string }): Promise<string | null> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { slug: true } });
  return org?.slug ?? null;
}
