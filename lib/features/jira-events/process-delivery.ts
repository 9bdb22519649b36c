import "server-only";
import { findDeliveryById, finishDelivery, finishUnreadDelivery } from "@/lib/db/system/webhook-deliveries";
import { readJiraWebhook } from "@/lib/integrations/jira/webhook-transform";
import { PermanentJobError, type JobRecord } from "@/lib/platform/jobs";
import { jiraEventSchema } from "@/lib/platform/webhooks/jira-event-schema";
import { readQueuedDelivery } from "@/lib/platform/webhooks/queued-delivery";
import { applyJiraEvent } from "./apply-event";

/**
 * The queue's handler for a stored Jira delivery: takes the event intake read
 * and queued with it, applies it (snapshots, scope changes, sync) and records
 * the delivery's outcome: processed when any part acted, ignored (with every
 * part's reason) when none did. A failure (Jira down) throws, so the job is
 * retried with backoff; the delivery is marked failed once the attempts run out.
 */
export async function processJiraDelivery(job: JobRecord): Promise<void> {
  const queued = readQueuedDelivery(job.payload, jiraEventSchema);
  const delivery = await findDeliveryById({ id: queued.deliveryId });
  if (!delivery?.orgId) throw new PermanentJobError(`Delivery ${queued.deliveryId} no longer exists`);

  const reading = queued.event ? { kind: "event" as const, event: queued.event } : readJiraWebhook(delivery.payload);
  if (reading.kind !== "event") {
    await finishUnreadDelivery({ id: delivery.id, reading });
    return;
  }
  try {
    const outcomes = await applyJiraEvent({
      orgId: delivery.orgId,
      event: reading.event,
      sourceKey: delivery.idempotencyKey,
      deliveryId: delivery.id,
    });
    const processed = outcomes.some((outcome) => outcome.status === "processed");
    await finishDelivery({
      id: delivery.id,
      status: processed ? "processed" : "ignored",
      error: processed ? undefined : outcomes.map((outcome) => `${outcome.part}: ${outcome.message}`).join("; "),
    });
  } catch (error) {
    if (job.attempts >= job.maxAttempts)
      await finishDelivery({
        id: delivery.id,
        status: "failed",
        error: error instanceof Error ? error.message : String(error),
      });
    throw error;
  }
}
