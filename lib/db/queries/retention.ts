import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { replaceJobPayload } from "@/lib/db/system/jobs";
import { NOTHING_PRUNED, type RetentionCounts } from "@/lib/domain/retention";

/**
 * Pruning for the daily retention job. Every statement touches at most
 * BATCH_SIZE rows and the loop repeats it until a batch comes back short, so a
 * table with millions of old rows is cleared in many short transactions instead
 * of one long lock. Nothing here touches the audit log: it is kept for good.
 */
export const RETENTION_QUEUE = "retention.daily";
/** The queue of "retry this run" jobs (lib/automations/retry-run.ts); a run waiting on one is kept. */
const RETRY_RUN_QUEUE = "automation.retry-run";
export const BATCH_SIZE = 1_000;

/** What a delivery's payload becomes once its retention window has passed. */
export const PRUNED_PAYLOAD = { pruned: true } as const;
const PRUNED_PAYLOAD_JSON = JSON.stringify(PRUNED_PAYLOAD);

/** Rows of one org, or (orgId null) rows that belong to no org, such as org-less WorkOS events and sessions. */
type Scope = { orgId: string | null };

const ofScope = ({ orgId }: Scope) => (orgId ? Prisma.sql`"orgId" = ${orgId}` : Prisma.sql`"orgId" IS NULL`);

/** What each pruning call takes: the cut-off, and how many rows one statement may touch. */
type Cutoff = { before: Date; batchSize?: number };

async function inBatches(
  { batchSize = BATCH_SIZE }: Cutoff,
  statement: (limit: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const touched = await statement(batchSize);
    total += touched;
    if (touched < batchSize) return total;
  }
}

/** Deletes the scope's rows of `table` that match `where`, a batch at a time. */
function deleteInBatches(
  scope: Scope & Cutoff,
  table: "OutboxIntent" | "CacheEntry" | "UserSession" | "SyncActivity" | "SyncEcho",
  where: Prisma.Sql,
): Promise<number> {
  const from = Prisma.raw(`"${table}"`);
  return inBatches(
    scope,
    (limit) =>
      db.$executeRaw`DELETE FROM ${from} WHERE id IN (SELECT id FROM ${from} WHERE ${ofScope(scope)} AND ${where} LIMIT ${limit})`,
  );
}

/**
 * Clears the payload of finished deliveries received before `before`, keeping
 * the row. The row is what recognises a redelivery (unique org, source and
 * idempotency key), so deleting it would let a late redelivery of an old event
 * run its rules a second time; the payload is the part that is large. Only
 * processed and ignored deliveries are cleared, and only when no unfinished job
 * would read them: a failed delivery is retried when its source sends it again
 * or someone retries its job, and that reads the payload. Automation runs keep
 * their own copy of the event (AutomationRun.input), so retrying a run and the
 * run log never need the delivery's payload.
 */
export async function clearOldDeliveryPayloads(scope: Scope & Cutoff): Promise<number> {
  return inBatches(
    scope,
    (limit) =>
      db.$executeRaw`
      UPDATE "WebhookDelivery" SET payload = ${PRUNED_PAYLOAD_JSON}::jsonb
      WHERE id IN (
        SELECT d.id FROM "WebhookDelivery" d
        WHERE ${ofScope(scope)} AND d.status IN ('processed', 'ignored') AND d."receivedAt" < ${scope.before}
          AND d.payload <> ${PRUNED_PAYLOAD_JSON}::jsonb
          AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."singletonKey" IN ('delivery:' || d.id, 'workos-delivery:' || d.id) AND j.status <> 'succeeded')
        LIMIT ${limit})`,
  );
}

/**
 * Deletes automation runs that finished before `before`. Their outbound writes
 * stay (OutboxIntent.runId is set to null) under their own window. A run with a
 * retry still queued, or a write still being made, is kept.
 */
export async function deleteOldAutomationRuns(scope: { orgId: string } & Cutoff): Promise<number> {
  return inBatches(
    scope,
    (limit) =>
      db.$executeRaw`
      DELETE FROM "AutomationRun" WHERE id IN (
        SELECT r.id FROM "AutomationRun" r
        WHERE ${ofScope(scope)} AND r.status IN ('succeeded', 'skipped', 'failed') AND r."finishedAt" < ${scope.before}
          AND NOT EXISTS (SELECT 1 FROM "OutboxIntent" i WHERE i."runId" = r.id AND i.status IN ('pending', 'in_flight'))
          AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j.queue = ${RETRY_RUN_QUEUE} AND j.status IN ('queued', 'running') AND j.payload->>'runId' = r.id)
        LIMIT ${limit})`,
  );
}

/** Deletes outbound writes that reached an end (succeeded, failed, dead, superseded) before `before`; pending and in-flight writes are never touched. */
export async function deleteOldFinishedWrites(scope: { orgId: string } & Cutoff): Promise<number> {
  return deleteInBatches(
    scope,
    "OutboxIntent",
    Prisma.sql`status IN ('succeeded', 'failed', 'dead', 'superseded') AND "completedAt" < ${scope.before}`,
  );
}

/** Deletes cache entries that expired before `before` (see STALE_CACHE_KEEP_DAYS for why not at once). */
export async function deleteExpiredCacheEntries(scope: { orgId: string } & Cutoff): Promise<number> {
  return deleteInBatches(scope, "CacheEntry", Prisma.sql`"expiresAt" < ${scope.before}`);
}

/** Deletes session records created before `before` (see SESSION_MAX_LIFETIME_DAYS for why that, and not revoked or idle, decides). */
export async function deleteEndedSessions(scope: Scope & Cutoff): Promise<number> {
  return deleteInBatches(scope, "UserSession", Prisma.sql`"createdAt" < ${scope.before}`);
}

export type RetentionRunRecord = { finishedAt: Date; counts: RetentionCounts };

/** Keeps what a run removed on its own job row, so the settings page can show the last run. */
export async function recordRetentionResult({
  jobId,
  orgId,
  counts,
}: {
  jobId: string;
  orgId: string | null;
  counts: RetentionCounts;
}) {
  await replaceJobPayload({ id: jobId, payload: { orgId, counts } });
}

/** The org's most recent finished retention run, or null if none has run yet. */
export async function findLastRetentionRun({ orgId }: { orgId: string }): Promise<RetentionRunRecord | null> {
  const job = await db.job.findFirst({
    where: { orgId, queue: RETENTION_QUEUE, status: "succeeded", finishedAt: { not: null } },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true, payload: true },
  });
  if (!job?.finishedAt) return null;
  const stored = (job.payload as { counts?: Partial<RetentionCounts> } | null)?.counts ?? {};
  const counts = { ...NOTHING_PRUNED };
  for (const key of Object.keys(counts) as (keyof RetentionCounts)[]) {
    const value = stored[key];
    if (typeof value === "number") counts[key] = value;
  }
  return { finishedAt: job.finishedAt, counts };
}

/** Deletes the sync's run log rows recorded before `before` (the automation run log's window). */
export async function deleteOldSyncActivity(scope: { orgId: string } & Cutoff): Promise<number> {
  return deleteInBatches(scope, "SyncActivity", Prisma.sql`"createdAt" < ${scope.before}`);
}

/** Deletes echoes of Bosun's own sync writes that expired before `before`: no webhook can match them any more. */
export async function deleteExpiredSyncEchoes(scope: { orgId: string } & Cutoff): Promise<number> {
  return deleteInBatches(scope, "SyncEcho", Prisma.sql`"expiresAt" < ${scope.before}`);
}
