// The outbox worker drains intents of every org, and carries out a claimed intent by its id alone: these take no orgId.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/types";

/** Intents whose process died mid-write (their lease ran out before `now`) go back to pending. */
export async function releaseExpiredIntentLeases({ now }: { now: Date }): Promise<void> {
  await db.$executeRaw`UPDATE "OutboxIntent" SET status = 'pending' WHERE status = 'in_flight' AND "nextAttemptAt" < ${now}`;
}

/**
 * Claims up to `limit` due pending intents, oldest first, until `leaseUntil`:
 * only the oldest unfinished one per org and ordering key, so writes to one
 * target apply in order. SKIP LOCKED lets many workers share the table.
 */
export function claimDueIntents({
  now,
  limit,
  leaseUntil,
}: {
  now: Date;
  limit: number;
  leaseUntil: Date;
}): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT i.id FROM "OutboxIntent" i
      WHERE i.status = 'pending' AND i."nextAttemptAt" <= ${now}
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxIntent" e
          WHERE e."orgId" = i."orgId" AND e."orderingKey" = i."orderingKey"
            AND e.status IN ('pending', 'in_flight') AND e."createdAt" < i."createdAt")
      ORDER BY i."createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    const ids = rows.map((row) => row.id);
    if (ids.length > 0)
      await tx.outboxIntent.updateMany({
        where: { id: { in: ids } },
        data: { status: "in_flight", attempts: { increment: 1 }, nextAttemptAt: leaseUntil },
      });
    return ids;
  });
}

/** Claims one pending intent until `leaseUntil`; with `dueBy`, only if its next try is due by then. True when claimed. */
export async function claimPendingIntent({
  id,
  dueBy,
  leaseUntil,
}: {
  id: string;
  dueBy?: Date;
  leaseUntil: Date;
}): Promise<boolean> {
  const due = dueBy ? { nextAttemptAt: { lte: dueBy } } : {};
  const claimed = await db.outboxIntent.updateMany({
    where: { id, status: "pending", ...due },
    data: { status: "in_flight", attempts: { increment: 1 }, nextAttemptAt: leaseUntil },
  });
  return claimed.count > 0;
}

/** The whole intent; throws when there is none. */
export function getIntentById(id: string) {
  return db.outboxIntent.findUniqueOrThrow({ where: { id } });
}

/** Which intent a try failed for, and why. */
type FailedTry = { id: string; lastError: string };

/** A try failed but the write may still succeed: pending again, next tried at `nextAttemptAt`. */
export async function rescheduleIntent({
  id,
  lastError,
  nextAttemptAt,
}: FailedTry & { nextAttemptAt: Date }): Promise<void> {
  await db.outboxIntent.update({ where: { id }, data: { status: "pending", lastError, nextAttemptAt } });
}

/** The write failed for good. */
export async function failIntent({ id, lastError, completedAt }: FailedTry & { completedAt: Date }): Promise<void> {
  await db.outboxIntent.update({ where: { id }, data: { status: "failed", lastError, completedAt } });
}

/**
 * Marks the intent succeeded with its result and runs `then` in the same
 * transaction, so what Bosun changes on its side commits exactly with the
 * write's outcome. Returns what `then` returns.
 */
export function completeIntent<T>(
  { id, result, completedAt }: { id: string; result: unknown; completedAt: () => Date },
  then: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.outboxIntent.update({
      where: { id },
      data: {
        status: "succeeded",
        result: result as Prisma.InputJsonValue,
        lastError: null,
        completedAt: completedAt(),
      },
    });
    return then(tx);
  });
}
