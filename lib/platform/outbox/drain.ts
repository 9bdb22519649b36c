import "server-only";
import { db } from "@/lib/db/client";
import { execute, leaseExpiry, type RetryClock, type WriteOutcome } from "./perform";

/**
 * One pass of the outbox worker: takes back intents whose process died
 * mid-write (their lease expired), then claims due pending intents — only the
 * oldest unfinished one per ordering key, so writes to one target apply in
 * order — and carries them out. SKIP LOCKED lets many workers share the table.
 */
export async function drainOutbox({ limit = 20, ...clock }: { limit?: number } & RetryClock = {}): Promise<WriteOutcome[]> {
  const now = clock.now?.() ?? new Date();
  await db.$executeRaw`UPDATE "OutboxIntent" SET status = 'pending' WHERE status = 'in_flight' AND "nextAttemptAt" < ${now}`;
  const lease = leaseExpiry(now);
  const claimed = await db.$transaction(async (tx) => {
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
    if (ids.length > 0) await tx.outboxIntent.updateMany({ where: { id: { in: ids } }, data: { status: "in_flight", attempts: { increment: 1 }, nextAttemptAt: lease } });
    return ids;
  });
  const outcomes: WriteOutcome[] = [];
  for (const id of claimed) outcomes.push(await execute(id, clock));
  return outcomes;
}
