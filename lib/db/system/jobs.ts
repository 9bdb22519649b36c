// The job queue is one table for every org: workers claim whatever is due, whichever org it belongs to, so these take no orgId.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/types";

/*
 * Every write to "Job" lives here, including the job half of the statements
 * that record a webhook delivery together with its job, so the queue's rules
 * (one job per singletonKey, what a requeue resets) are written down once.
 */

export type NewJob = {
  queue: string;
  orgId: string | null;
  payload: unknown;
  singletonKey: string | null;
  runAt?: Date;
  maxAttempts?: number;
};
export type ClaimedJob = {
  id: string;
  orgId: string | null;
  queue: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
};
/** The claim a worker holds on a running job; an outcome is recorded only while it still holds it. */
export type JobClaim = { id: string; workerId: string; attempts: number };

/** `client` may be a transaction, so the job commits (or not) with the caller's own writes. */
export async function insertJob(job: NewJob, client: Tx = db): Promise<{ id: string; created: boolean }> {
  const data: Prisma.JobCreateManyInput = {
    queue: job.queue,
    orgId: job.orgId,
    payload: job.payload as Prisma.InputJsonValue,
    singletonKey: job.singletonKey,
    ...(job.runAt ? { runAt: job.runAt } : {}),
    ...(job.maxAttempts !== undefined ? { maxAttempts: job.maxAttempts } : {}),
  };
  if (!data.singletonKey) return { id: (await client.job.create({ data, select: { id: true } })).id, created: true };
  // INSERT … ON CONFLICT DO NOTHING: concurrent enqueues of one key never error and never duplicate.
  const [inserted] = await client.job.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } });
  if (inserted) return { id: inserted.id, created: true };
  const existing = await client.job.findUniqueOrThrow({
    where: { singletonKey: data.singletonKey },
    select: { id: true },
  });
  return { id: existing.id, created: false };
}

/** Claims up to `limit` due jobs for `workerId`, oldest first to lock; RETURNING has no order of its own. */
export async function claimDueJobs({
  limit,
  workerId,
  queues,
}: {
  limit: number;
  workerId: string;
  queues?: string[];
}): Promise<ClaimedJob[]> {
  const queueFilter = queues ? Prisma.sql`AND queue IN (${Prisma.join(queues)})` : Prisma.empty;
  // One statement: the CTE locks the due rows (skipping those another worker holds) and the UPDATE claims them.
  return db.$queryRaw<ClaimedJob[]>`
    WITH due AS (
      SELECT id FROM "Job"
      WHERE status = 'queued' AND "runAt" <= now() ${queueFilter}
      ORDER BY "runAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    UPDATE "Job" j
    SET status = 'running', "lockedAt" = now(), "lockedBy" = ${workerId}, attempts = j.attempts + 1
    FROM due WHERE j.id = due.id
    RETURNING j.id, j."orgId", j.queue, j.payload, j.attempts, j."maxAttempts", j."runAt"`;
}

/**
 * Running jobs whose lease expired go back to the queue, or to the dead-letter
 * list if they were out of attempts. Returns how many were taken back.
 */
export async function reclaimExpiredJobLeases({ leaseMs }: { leaseMs: number }): Promise<number> {
  const seconds = leaseMs / 1_000;
  return db.$executeRaw`
    UPDATE "Job" SET
      status = (CASE WHEN attempts >= "maxAttempts" THEN 'dead' ELSE 'queued' END)::"JobStatus",
      "deadAt" = CASE WHEN attempts >= "maxAttempts" THEN now() END,
      "finishedAt" = CASE WHEN attempts >= "maxAttempts" THEN now() END,
      "lastError" = 'lease expired: the worker running it stopped responding',
      "lockedAt" = NULL, "lockedBy" = NULL
    WHERE status = 'running' AND "lockedAt" < now() - make_interval(secs => ${seconds})`;
}

const stillHeld = ({ id, workerId, attempts }: JobClaim) => ({
  id,
  status: "running" as const,
  lockedBy: workerId,
  attempts,
});

/** Marks a claimed job succeeded; false when the claim was lost meanwhile. */
export async function completeClaimedJob(claim: JobClaim): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: stillHeld(claim),
    data: { status: "succeeded", finishedAt: new Date(), lastError: null, lockedAt: null, lockedBy: null },
  });
  return count > 0;
}

/** Moves a claimed job to the dead-letter list; false when the claim was lost meanwhile. */
export async function buryClaimedJob(
  claim: JobClaim,
  { at, lastError }: { at: Date; lastError: string },
): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: stillHeld(claim),
    data: { status: "dead", deadAt: at, finishedAt: at, lastError, lockedAt: null, lockedBy: null },
  });
  return count > 0;
}

/** Puts a claimed job back in the queue for `runAt`; `giveAttemptBack` for a wait that was no failure. False when the claim was lost. */
export async function requeueClaimedJob(
  claim: JobClaim,
  { runAt, lastError, giveAttemptBack }: { runAt: Date; lastError: string; giveAttemptBack: boolean },
): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: stillHeld(claim),
    data: {
      status: "queued",
      runAt,
      lastError,
      lockedAt: null,
      lockedBy: null,
      ...(giveAttemptBack ? { attempts: { decrement: 1 } } : {}),
    },
  });
  return count > 0;
}

/** Puts a dead (or failed) job of this org back in the queue with a fresh set of attempts. The one Job write a person asks for, hence the org. */
export async function requeueFinishedJobOfOrg({ id, orgId }: { id: string; orgId: string }): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id, orgId, status: { in: ["dead", "failed"] } },
    data: {
      status: "queued",
      runAt: new Date(),
      attempts: 0,
      deadAt: null,
      lastError: null,
      finishedAt: null,
      lockedAt: null,
      lockedBy: null,
    },
  });
  return count > 0;
}

/** A dead job of this org under `singletonKey` goes back in the queue with fresh attempts (a redelivered webhook that had failed). */
export async function requeueDeadJobByKey({
  orgId,
  singletonKey,
}: {
  orgId: string;
  singletonKey: string;
}): Promise<void> {
  await db.job.updateMany({
    where: { orgId, singletonKey, status: "dead" },
    data: { status: "queued", attempts: 0, runAt: new Date(), deadAt: null, lastError: null, finishedAt: null },
  });
}

/** Replaces a job's payload: a job may leave what it did on its own row, for pages that show its last run. */
export async function replaceJobPayload({
  id,
  payload,
}: {
  id: string;
  payload: Prisma.InputJsonValue;
}): Promise<void> {
  await db.job.update({ where: { id }, data: { payload } });
}

/** Deletes succeeded jobs finished before `before`. Dead jobs stay for people to inspect and retry. */
export async function deleteSucceededJobs({ before }: { before: Date }): Promise<number> {
  const { count } = await db.job.deleteMany({ where: { status: "succeeded", finishedAt: { lt: before } } });
  return count;
}

/*
 * The job half of a statement that also writes its source row (a webhook
 * delivery): a CTE body inserting one job per row of `from`, for raw
 * statements on the pool. Arguments are the statement's own placeholders
 * (`$n`) or SQL expressions; nothing here is user input.
 */
type JobInsertSql = {
  /** The CTE the rows come from; each has an `id` the job's payload and key are built from. */
  from: string;
  id: string;
  orgId: string;
  queue: string;
  maxAttempts: string;
  /** SQL text of the singletonKey's prefix, concatenated with the source row's id. */
  keyPrefix: string;
  /** Extra condition on the source rows. */
  where?: string;
  /** A job already under the key (dead by then) is reset to a fresh queued one instead of skipped. */
  requeueExisting?: boolean;
  /** SQL text of a JSON object whose fields join `deliveryId` in the payload (the event intake read). */
  extraPayload?: string;
};

export function deliveryJobInsertSql({
  from,
  id,
  orgId,
  queue,
  maxAttempts,
  keyPrefix,
  where,
  requeueExisting = false,
  extraPayload,
}: JobInsertSql): string {
  const filter = where ? ` WHERE ${where}` : "";
  const onConflict = requeueExisting
    ? ` ON CONFLICT ("singletonKey") DO UPDATE SET status = 'queued', attempts = 0, "runAt" = now(), "deadAt" = NULL, "lastError" = NULL, "finishedAt" = NULL, "lockedAt" = NULL, "lockedBy" = NULL, payload = EXCLUDED.payload`
    : "";
  return `INSERT INTO "Job" (id, "orgId", queue, payload, "maxAttempts", "singletonKey")
       SELECT ${id}, ${orgId}, ${queue}, jsonb_build_object('deliveryId', id)${extraPayload ? ` || ${extraPayload}::jsonb` : ""}, ${maxAttempts}, ${keyPrefix} || id FROM ${from}${filter}${onConflict}
       RETURNING id`;
}
