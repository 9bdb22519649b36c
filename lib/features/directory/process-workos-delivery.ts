import "server-only";
import { findWorkosDelivery, finishDelivery } from "@/lib/db/system/webhook-deliveries";
import { PermanentJobError, RetryLaterError, type JobRecord } from "@/lib/platform/jobs";
import { describeFailure, isTransient } from "@/lib/platform/outbox/retry-policy";
import { readQueuedDelivery } from "@/lib/platform/webhooks/queued-delivery";
import { type WorkosEvent, workosEventEnvelope, workosEventSchema } from "./events";
import { handleWorkosEvent } from "./handle-workos-event";

/** How long to wait when WorkOS does not say (no Retry-After). */
const WORKOS_RETRY_SECONDS = 30;

/** The event of a job queued before intake queued events, read from its delivery; a reason when it does not pass. */
function storedEvent(payload: unknown): WorkosEvent | string {
  const parsed = workosEventSchema.safeParse(payload);
  return parsed.success
    ? parsed.data
    : `not a WorkOS event: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`;
}

/**
 * The queue's handler for a WorkOS event, as intake checked and queued it:
 * applies it and records the delivery's outcome. While WorkOS is unreachable
 * (rate limit, 5xx, network) the job waits and comes back without using up attempts — the event is
 * never given up because WorkOS was down. Any other failure is retried with
 * backoff; after the last attempt the delivery is marked failed, and WorkOS
 * redelivering it puts it back on the queue.
 */
export async function processWorkosDelivery(job: JobRecord): Promise<void> {
  const queued = readQueuedDelivery(job.payload, workosEventEnvelope);
  const delivery = await findWorkosDelivery({ id: queued.deliveryId });
  if (!delivery) throw new PermanentJobError(`WorkOS delivery ${queued.deliveryId} no longer exists`);
  const event = queued.event ?? storedEvent(delivery.payload);
  if (typeof event === "string") {
    await finishDelivery({ id: delivery.id, status: "failed", error: event });
    return;
  }

  try {
    const outcome = await handleWorkosEvent(event);
    await finishDelivery({
      id: delivery.id,
      status: outcome.status,
      error: outcome.status === "ignored" ? outcome.note : undefined,
    });
  } catch (error) {
    const failure = describeFailure(error);
    // WorkOS (or the database) unreachable, rate-limited or failing with a 5xx: waiting will fix it.
    if (isTransient(failure))
      throw new RetryLaterError(
        `unavailable, retrying later: ${failure.status ?? failure.code ?? ""} ${failure.message}`.replace(/\s+/g, " "),
        failure.retryAfterSeconds ?? WORKOS_RETRY_SECONDS,
      );
    if (job.attempts >= job.maxAttempts)
      await finishDelivery({ id: delivery.id, status: "failed", error: failure.message });
    throw error;
  }
}
