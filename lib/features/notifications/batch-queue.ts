import "server-only";
import { enqueueJob } from "@/lib/platform/jobs";

/** The e-mail batch's queue; apart from the job itself so notify can queue it without importing the job. */
export const NOTIFICATION_BATCH_QUEUE = "notifications.email-batch";
export const NOTIFICATION_BATCH_INTERVAL_MS = 60_000;
export const BATCH_KEY_PREFIX = "notification-batch";

/** Queues this minute's batch for the org now, so the first e-mail of a burst does not wait for the scheduler. */
export async function queueEmailBatchNow({ orgId, now = Date.now() }: { orgId: string; now?: number }) {
  const slot = Math.floor(now / NOTIFICATION_BATCH_INTERVAL_MS);
  await enqueueJob({
    queue: NOTIFICATION_BATCH_QUEUE,
    orgId,
    payload: { orgId },
    singletonKey: `${BATCH_KEY_PREFIX}:${orgId}:${slot}`,
    maxAttempts: 3,
  });
}
