import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ActorType, Tx } from "@/lib/db/types";

/**
 * The outbox's own bookkeeping of one org's writes: recording an intent,
 * moving a failed one aside, counting what is ahead of a write on its target.
 * Queries that take a `Tx` run in the caller's transaction, usually the one
 * `withOrderingLock` opens.
 */

const UNFINISHED = { in: ["pending" as const, "in_flight" as const] };

/**
 * Runs `work` in a transaction holding the lock for one ordering key of one
 * org, so whatever it checks and writes about that target is one step for
 * concurrent writers to the same target.
 */
export function withOrderingLock<T>(
  { orgId, orderingKey }: { orgId: string; orderingKey: string },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${orgId}:${orderingKey}`}))`;
    return work(tx);
  });
}

/** Writes to one target not yet finished, optionally only those recorded before `createdBefore`. */
export function countUnfinishedWrites(
  { orgId, orderingKey, createdBefore }: { orgId: string; orderingKey: string; createdBefore?: Date },
  client: Tx = db,
): Promise<number> {
  return client.outboxIntent.count({
    where: { orgId, orderingKey, status: UNFINISHED, ...(createdBefore ? { createdAt: { lt: createdBefore } } : {}) },
  });
}

/** Unfinished writes of one operation on one target recorded after `recordedAfter`, other than `excludeId`. */
export function countLaterUnfinishedWrites(
  {
    orgId,
    operation,
    orderingKey,
    recordedAfter,
    excludeId,
  }: { orgId: string; operation: string; orderingKey: string; recordedAfter: Date; excludeId: string },
  client: Tx,
): Promise<number> {
  return client.outboxIntent.count({
    where: {
      orgId,
      operation,
      orderingKey,
      status: UNFINISHED,
      createdAt: { gt: recordedAfter },
      id: { not: excludeId },
    },
  });
}

export type NewIntent = {
  orgId: string;
  service: "jira" | "sentry" | "workos" | "mail" | "deploy";
  operation: string;
  orderingKey: string;
  idempotencyKey: string;
  payload: unknown;
  actorType: ActorType;
  actorId: string | null;
  requestId: string | null;
  runId: string | null;
  /** Set to record the intent already claimed (in flight, first attempt) until this time. */
  claimedUntil: Date | null;
};

/** Records an intent unless the org already has one under its idempotency key (ON CONFLICT DO NOTHING). True when inserted. */
export async function insertIntentIfAbsent(
  { claimedUntil, payload, ...intent }: NewIntent,
  client: Tx,
): Promise<boolean> {
  const inserted = await client.outboxIntent.createMany({
    data: [
      {
        ...intent,
        payload: payload as Prisma.InputJsonValue,
        ...(claimedUntil ? { status: "in_flight" as const, attempts: 1, nextAttemptAt: claimedUntil } : {}),
      },
    ],
    skipDuplicates: true,
  });
  return inserted.count === 1;
}

/** The intent under an idempotency key, with what deciding to supersede it needs. */
export function findIntentForSupersede(
  { orgId, idempotencyKey }: { orgId: string; idempotencyKey: string },
  client: Tx,
) {
  return client.outboxIntent.findUnique({
    where: { orgId_idempotencyKey: { orgId, idempotencyKey } },
    select: { id: true, status: true, payload: true, lastError: true },
  });
}

/** Marks a failed (or dead) intent superseded and moves its key aside so a new request can take it. True when it moved. */
export async function markIntentSuperseded(
  { id, idempotencyKey }: { id: string; idempotencyKey: string },
  client: Tx,
): Promise<boolean> {
  const moved = await client.outboxIntent.updateMany({
    where: { id, status: { in: ["failed", "dead"] } },
    data: { status: "superseded", idempotencyKey: `${idempotencyKey}#superseded:${id}` },
  });
  return moved.count === 1;
}

/** Points a superseded intent at the intent now holding its key. */
export async function linkSupersededIntent(
  { orgId, idempotencyKey, supersededId }: { orgId: string; idempotencyKey: string; supersededId: string },
  client: Tx,
): Promise<void> {
  const replacement = await client.outboxIntent.findUniqueOrThrow({
    where: { orgId_idempotencyKey: { orgId, idempotencyKey } },
    select: { id: true },
  });
  await client.outboxIntent.update({ where: { id: supersededId }, data: { supersededById: replacement.id } });
}

/** The whole intent under an idempotency key; throws when there is none. */
export function getIntentByKey({ orgId, idempotencyKey }: { orgId: string; idempotencyKey: string }) {
  return db.outboxIntent.findUniqueOrThrow({ where: { orgId_idempotencyKey: { orgId, idempotencyKey } } });
}

/** One of the org's intents, whole, or null (another org's or unknown). */
export function findIntentOfOrg({ orgId, intentId }: { orgId: string; intentId: string }) {
  return db.outboxIntent.findFirst({ where: { id: intentId, orgId } });
}

/** A failed (or dead) intent of the org goes back to pending, due now, with a fresh retry window. True when it did. */
export async function reopenFailedIntent(
  { orgId, id, now }: { orgId: string; id: string; now: Date },
  client: Tx,
): Promise<boolean> {
  const reopened = await client.outboxIntent.updateMany({
    where: { id, orgId, status: { in: ["failed", "dead"] } },
    data: { status: "pending", retriedAt: now, nextAttemptAt: now, completedAt: null },
  });
  return reopened.count > 0;
}

/**
 * Writes of an automation run that failed for good would answer "failed"
 * again under their idempotency keys; this retires their keys (the intents
 * stay, for the run log) so the run's retry writes them anew.
 */
export async function retireFailedWritesOfRun({ orgId, runId }: { orgId: string; runId: string }): Promise<void> {
  await db.$executeRaw`UPDATE "OutboxIntent" SET "idempotencyKey" = "idempotencyKey" || '#retired:' || id WHERE "runId" = ${runId} AND "orgId" = ${orgId} AND status IN ('failed', 'dead')`;
}

/** The status of one of the org's intents, or null. */
export async function findIntentStatusOfOrg({
  orgId,
  intentId,
}: {
  orgId: string;
  intentId: string;
}): Promise<string | null> {
  const intent = await db.outboxIntent.findFirst({ where: { id: intentId, orgId }, select: { status: true } });
  return intent?.status ?? null;
}

/**
 * How many outbound writes an event caused, by the idempotency-key prefix its
 * writes share: counted from what the outbox holds, it stays right across
 * retries that repeat (harmlessly) some of them.
 */
export async function countWritesWithKeyPrefix(
  { orgId, keyPrefix }: { orgId: string; keyPrefix: string },
  client: Tx = db,
): Promise<number> {
  return client.outboxIntent.count({ where: { orgId, idempotencyKey: { startsWith: keyPrefix } } });
}
