import "server-only";
import os from "node:os";
import { countJobsOfOrg, listJobsOfOrg } from "@/lib/db/queries/jobs";
import {
  buryClaimedJob,
  claimDueJobs,
  completeClaimedJob,
  deleteSucceededJobs,
  insertJob,
  reclaimExpiredJobLeases,
  requeueClaimedJob,
  requeueFinishedJobOfOrg,
} from "@/lib/db/system/jobs";
import type { Job, JobStatus, Tx } from "@/lib/db/types";
import type { ClaimedJob } from "@/lib/db/system/jobs";
import { logger } from "@/lib/platform/observability/logger";
import { describeFailure, nextAttemptDelayMs } from "@/lib/platform/outbox/retry-policy";
import { PermanentJobError, RetryLaterError } from "./errors";

/**
 * A durable job queue in PostgreSQL. Jobs are enqueued (optionally in the
 * caller's transaction), claimed by any number of workers with
 * FOR UPDATE SKIP LOCKED, retried with backoff, and dead-lettered when retrying
 * cannot help. A claimed job holds a lease: if its process dies, the next
 * pass after the lease expires takes it back.
 */

/** What a handler gets: the claimed job without its schedule, which only ordered the claim. */
export type JobRecord = Omit<ClaimedJob, "runAt">;
export type JobHandler = (job: JobRecord) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;
export type JobOutcome = { id: string; queue: string; status: "succeeded" | "queued" | "dead" };

/** How long a claimed job may run before another worker assumes its process died. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_WORKER_ID = `${os.hostname()}:${process.pid}`;
/** How long a job that asked to wait (RetryLaterError without a time) waits. */
export const RETRY_LATER_DEFAULT_SECONDS = 5;
// Stack traces and upstream bodies can be huge; the dead-letter list only needs the gist.
const MAX_ERROR_LENGTH = 2_000;

export type EnqueueJobInput = {
  queue: string;
  orgId?: string | null;
  /** Stored as JSON. */
  payload?: unknown;
  /**
   * At most one job per key exists (until it is pruned); enqueueing it again returns the existing job.
   * Keys are global, not per org: include the org in the key when it matters.
   */
  singletonKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
};

/** `client` may be a transaction client, so the job commits (or not) with the caller's own writes. */
export async function enqueueJob(input: EnqueueJobInput, client?: Tx): Promise<{ id: string; created: boolean }> {
  const job = {
    queue: input.queue,
    orgId: input.orgId ?? null,
    payload: input.payload ?? {},
    singletonKey: input.singletonKey ?? null,
    runAt: input.runAt,
    maxAttempts: input.maxAttempts,
  };
  return insertJob(job, client);
}

/**
 * One pass: takes back expired leases, claims up to `limit` due jobs and runs
 * them, `concurrency` at a time. A failing job (or a failure recording its outcome)
 * never stops the others; it is logged and, at worst, retried when its lease expires.
 */
export async function drainJobs({
  handlers,
  limit = 10,
  workerId = DEFAULT_WORKER_ID,
  queues,
  leaseMs = DEFAULT_LEASE_MS,
  concurrency = 4,
}: {
  handlers: JobHandlers;
  limit?: number;
  /** How many claimed jobs run at the same time. */
  concurrency?: number;
  workerId?: string;
  /** Only claim jobs from these queues (default: all). */
  queues?: string[];
  leaseMs?: number;
}): Promise<JobOutcome[]> {
  await reclaimExpiredLeases(leaseMs);
  if (queues?.length === 0 || limit <= 0) return [];
  const claimed = await claimDueJobs({ limit, workerId, queues });
  // RETURNING has no order of its own.
  claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime());

  // Jobs mostly wait on upstream services, so a few run at once; the oldest start first.
  const outcomes: (JobOutcome | null)[] = claimed.map(() => null);
  const pending = claimed.map(({ runAt: _runAt, ...job }, index) => ({ job, index }));
  const lane = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const { job, index } = next;
      try {
        outcomes[index] = await runJob(job, handlers, workerId);
      } catch (error) {
        // Recording the outcome failed (e.g. the database blinked): the lease brings the job back later.
        logger.error({ err: error, jobId: job.id, queue: job.queue }, "could not record job outcome");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pending.length)) }, lane));
  // In claim order, whatever order they finished in.
  return outcomes.filter((outcome): outcome is JobOutcome => outcome !== null);
}

/**
 * Running jobs whose lease expired go back to the queue — or to the dead-letter
 * list if they were out of attempts, so a job that kills its process every time
 * cannot loop forever.
 */
async function reclaimExpiredLeases(leaseMs: number) {
  const reclaimed = await reclaimExpiredJobLeases({ leaseMs });
  if (reclaimed > 0) logger.warn({ count: reclaimed }, "took back jobs whose lease expired");
}

async function runJob(job: JobRecord, handlers: JobHandlers, workerId: string): Promise<JobOutcome | null> {
  // Only record the outcome while we still hold the claim; a reclaimed job belongs to whoever claimed it next.
  const claim = { id: job.id, workerId, attempts: job.attempts };
  const handler = Object.hasOwn(handlers, job.queue) ? handlers[job.queue] : undefined;
  try {
    if (!handler) throw new PermanentJobError(`No handler for queue "${job.queue}"`);
    await handler(job);
  } catch (error) {
    const failure = describeFailure(error);
    const message = (failure.status ? `${failure.status}: ${failure.message}` : failure.message).slice(
      0,
      MAX_ERROR_LENGTH,
    );
    // Waiting is not failing: a RetryLaterError gives its attempt back and comes back after the wait it asked for.
    // Its waits are bounded by whatever it waits on (an outbox write ends as succeeded or failed).
    const waiting = error instanceof RetryLaterError;
    const dead = error instanceof PermanentJobError || (!waiting && job.attempts >= job.maxAttempts);
    const now = new Date();
    const delayMs = waiting
      ? (error.retryAfterSeconds ?? RETRY_LATER_DEFAULT_SECONDS) * 1000
      : nextAttemptDelayMs(job.attempts, failure.retryAfterSeconds);
    const held = dead
      ? await buryClaimedJob(claim, { at: now, lastError: message })
      : await requeueClaimedJob(claim, {
          runAt: new Date(now.getTime() + delayMs),
          lastError: message,
          giveAttemptBack: waiting,
        });
    logger[error instanceof RetryLaterError ? "info" : "warn"](
      { jobId: job.id, queue: job.queue, attempts: job.attempts, dead, error: message },
      dead ? "job failed for good" : "job will be retried",
    );
    return held ? { id: job.id, queue: job.queue, status: dead ? "dead" : "queued" } : lostLease(job);
  }
  return (await completeClaimedJob(claim)) ? { id: job.id, queue: job.queue, status: "succeeded" } : lostLease(job);
}

function lostLease(job: JobRecord): null {
  logger.warn({ jobId: job.id, queue: job.queue }, "job ran past its lease and was taken back; outcome not recorded");
  return null;
}

/** Puts a dead (or failed) job of this org back in the queue with a fresh set of attempts. */
export async function retryJob({ id, orgId }: { id: string; orgId: string }): Promise<boolean> {
  return requeueFinishedJobOfOrg({ id, orgId });
}

/** An org's jobs, newest first. */
export function listJobs({
  orgId,
  statuses,
  limit = 50,
}: {
  orgId: string;
  statuses?: JobStatus[];
  limit?: number;
}): Promise<Job[]> {
  return listJobsOfOrg({ orgId, statuses, limit });
}

/** How many of an org's jobs are in each status (zero for the rest). */
export function countJobs({ orgId }: { orgId: string }): Promise<Record<JobStatus, number>> {
  return countJobsOfOrg({ orgId });
}

/** Deletes succeeded jobs finished longer ago than `olderThanMs`. Dead jobs stay for people to inspect and retry. */
export async function pruneFinishedJobs({
  olderThanMs = 7 * 24 * 60 * 60_000,
}: { olderThanMs?: number } = {}): Promise<number> {
  return deleteSucceededJobs({ before: new Date(Date.now() - olderThanMs) });
}
