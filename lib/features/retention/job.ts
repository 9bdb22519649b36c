import "server-only";
import { z } from "zod";
import { RETENTION_QUEUE, recordRetentionResult } from "@/lib/db/queries/retention";
import { listOrgIdsForRetention } from "@/lib/db/system/scheduled-orgs";
import { retentionDay } from "@/lib/domain/retention";
import { enqueueJob, type JobRecord } from "@/lib/platform/jobs";
import { logger } from "@/lib/platform/observability/logger";
import { pruneOrg, pruneOrgless } from "./prune";

export { RETENTION_QUEUE };

/** The scheduler runs every minute; the org list is read again only when the day changes (or enqueueing failed). */
let scheduledDay: string | null = null;

/**
 * Enqueues one retention job per org per UTC day, plus one for rows that
 * belong to no org. The singleton key makes every further call that day
 * (other processes, restarts) a no-op.
 */
export async function scheduleRetention(now = new Date()): Promise<number> {
  const day = retentionDay(now);
  if (scheduledDay === day) return 0;
  const orgIds = await listOrgIdsForRetention();
  let queued = 0;
  for (const orgId of [...orgIds, null]) {
    const { created } = await enqueueJob({
      queue: RETENTION_QUEUE,
      orgId,
      payload: { orgId },
      singletonKey: `retention:${orgId ?? "no-org"}:${day}`,
      maxAttempts: 3,
    });
    if (created) queued++;
  }
  scheduledDay = day;
  return queued;
}

/** Forgets which day was scheduled, so tests can schedule the same day again in one process. */
export function forgetScheduledRetentionDay() {
  scheduledDay = null;
}

export async function runRetentionJob(job: JobRecord, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const { orgId } = z.object({ orgId: z.string().nullable() }).parse(job.payload);
  const counts = orgId ? await pruneOrg({ orgId, now }) : await pruneOrgless({ now });
  await recordRetentionResult({ jobId: job.id, orgId, counts });
  logger.info({ orgId, counts }, "retention pass finished");
}
