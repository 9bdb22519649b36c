import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Steps of one event's handling already done (AppliedEventStep), so a retry
 * after a failure midway does only what is left. A step is recorded in the
 * same transaction as its own writes where it has any, so "done" and "recorded"
 * cannot part.
 */
export type EventStep = "deactivate" | "revoke-sessions" | "audit";

export async function isStepDone({ eventId, step }: { eventId: string; step: EventStep }): Promise<boolean> {
  return (await db.appliedEventStep.count({ where: { eventId, step } })) > 0;
}

/** Records the step; false when it was already recorded (by an earlier attempt or a concurrent one). */
export async function markStepDone({ eventId, step }: { eventId: string; step: EventStep }, client: Prisma.TransactionClient = db): Promise<boolean> {
  const { count } = await client.appliedEventStep.createMany({ data: [{ eventId, step }], skipDuplicates: true });
  return count === 1;
}

/**
 * How many outbound writes an event caused, by the idempotency-key prefix its
 * writes share: counted from what the outbox holds, it stays right across
 * retries that repeat (harmlessly) some of them.
 */
export async function countWritesWithKeyPrefix({ orgId, keyPrefix }: { orgId: string; keyPrefix: string }, client: Prisma.TransactionClient = db): Promise<number> {
  return client.outboxIntent.count({ where: { orgId, idempotencyKey: { startsWith: keyPrefix } } });
}
