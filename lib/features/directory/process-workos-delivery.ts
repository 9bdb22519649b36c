import "server-only";
import { z } from "zod";
import { findWorkosDelivery, finishDelivery } from "@/lib/db/system/webhook-deliveries";
import { PermanentJobError, RetryLaterError, type JobRecord } from "@/lib/platform/jobs";
import { describeFailure, isTransient } from "@/lib/platform/outbox/retry-policy";
import { workosEventSchema } from "./events";
import { handleWorkosEvent } from "./handle-workos-event";

const payloadSchema = z.object({ deliveryId: z.string().min(1) });
/** How long to wait when WorkOS does not say (no Retry-After). */
const WORKOS_RETRY_SECONDS = 30;

/**
 * The queue's handler for a stored WorkOS event: applies it and records the
 * delivery's outcome. While WorkOS is unreachable (rate limit, 5xx, network)
 * the job waits and comes back without using up attempts — the event is
 * never given up because WorkOS was down. Any other failure is retried with
 * backoff; after the last attempt the delivery is marked failed, and WorkOS
 * redelivering it puts it back on the queue.
 */
export async function processWorkosDelivery(job: JobRecord): Promise<void> {
  const parsed = payloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError("The job names no delivery");
  const delivery = await findWorkosDelivery({ id: parsed.data.deliveryId });
  if (!delivery) throw new PermanentJobError(`WorkOS delivery ${parsed.data.deliveryId} no longer exists`);
  // Checked when it was accepted; a stored event that no longer passes cannot be applied by retrying.
  const event = workosEventSchema.safeParse(delivery.payload);
  if (!event.success) {
    await finishDelivery({ id: delivery.id, status: "failed", error: `not a WorkOS event: ${event.error.issues.map((i) => i.path.join(".")).join(", ")}` });
    return;
  }

  try {
    const outcome = await handleWorkosEvent(event.data);
    await finishDelivery({ id: delivery.id, status: outcome.status, error: outcome.status === "ignored" ? outcome.note : undefined });
  } catch (error) {
    const failure = describeFailure(error);
    // WorkOS (or the database) unreachable, rate-limited or failing with a 5xx: waiting will fix it.
    if (isTransient(failure)) throw new RetryLaterError(`unavailable, retrying later: ${failure.status ?? failure.code ?? ""} ${failure.message}`.replace(/\s+/g, " "), failure.retryAfterSeconds ?? WORKOS_RETRY_SECONDS);
    if (job.attempts >= job.maxAttempts) await finishDelivery({ id: delivery.id, status: "failed", error: failure.message });
    throw error;
  }
}
