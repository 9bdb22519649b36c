import "server-only";
import { findDeliveryById, finishDelivery } from "@/lib/db/system/webhook-deliveries";
import type { WebhookReading } from "@/lib/integrations/sentry/webhook-transform";
import { automationEventSchema } from "@/lib/platform/webhooks/event-schema";
import { readQueuedDelivery } from "@/lib/platform/webhooks/queued-delivery";
import { readWebhook } from "@/lib/platform/webhooks/read";
import { PermanentJobError, RetryLaterError, type JobRecord } from "@/lib/platform/jobs";
import { runRulesForEvent, secondsUntilRetry } from "./run-rules";

/*
 * The queue's handler for a stored Sentry or GitHub delivery: takes the event
 * intake read from it and queued with it, runs the org's rules, and records
 * the delivery's outcome. While a write waits for Jira the job is retried
 * later; runs that finished are not redone.
 */

/** The stored event type is `<resource or event>.<action>`; the reader wants the first part. */
export function readStoredDelivery(delivery: { source: string; eventType: string; payload: unknown }): WebhookReading {
  return readWebhook(delivery.source, delivery.eventType.split(".")[0] ?? null, delivery.payload);
}

export async function processDelivery(job: JobRecord): Promise<void> {
  const queued = readQueuedDelivery(job.payload, automationEventSchema);
  const delivery = await findDeliveryById({ id: queued.deliveryId });
  if (!delivery?.orgId) throw new PermanentJobError(`Delivery ${queued.deliveryId} no longer exists`);

  // Only a job queued before intake stored the event reads the body again.
  const reading: WebhookReading = queued.event ? { kind: "event", event: queued.event } : readStoredDelivery(delivery);
  if (reading.kind !== "event") {
    await finishDelivery({
      id: delivery.id,
      status: reading.kind === "ignored" ? "ignored" : "failed",
      error: reading.kind === "ignored" ? reading.reason : JSON.stringify(reading.fields),
    });
    return;
  }
  const results = await runRulesForEvent({
    orgId: delivery.orgId,
    event: reading.event,
    trigger: { key: `delivery:${delivery.id}`, deliveryId: delivery.id, requestId: `webhook-${delivery.id}` },
    lastAttempt: job.attempts >= job.maxAttempts,
  });
  const waiting = results.filter((r) => r.status === "pending");
  // A read that failed (Sentry down) is retried with backoff and uses up attempts; a write the outbox holds is waited for.
  const failedReads = waiting.filter((r) => r.waitingOn === "read");
  if (failedReads.length > 0) throw new Error(failedReads.map((r) => r.message).join("; "));
  if (waiting.length > 0)
    throw new RetryLaterError(waiting.map((r) => r.message).join("; "), secondsUntilRetry(waiting));
  const failed = results.filter((r) => r.status === "failed");
  if (failed.length > 0)
    await finishDelivery({ id: delivery.id, status: "failed", error: failed.map((r) => r.message).join("; ") });
  else
    await finishDelivery({
      id: delivery.id,
      status: results.some((r) => r.status === "succeeded") ? "processed" : "ignored",
      error: results.length === 0 ? "no enabled rule listens to this event" : undefined,
    });
}
