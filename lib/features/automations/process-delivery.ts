import "server-only";
import { recordDeliveryFacts } from "@/lib/features/delivery";
import { findDeliveryById, finishDelivery, finishUnreadDelivery } from "@/lib/db/system/webhook-deliveries";
import type { AutomationEvent } from "@/lib/domain/automations";
import type { WebhookReading } from "@/lib/integrations/sentry/webhook-transform";
import { readQueuedDelivery } from "@/lib/platform/webhooks/queued-delivery";
import { readWebhook } from "@/lib/platform/webhooks/read";
import { PermanentJobError, RetryLaterError, type JobRecord } from "@/lib/platform/jobs";
import { deliveryEventSchema, syncFromPullRequest, syncFromSentryEvent, type SyncResult } from "@/lib/features/sync";
import { queueIssueNotification } from "@/lib/features/notifications/issue-events";
import { runRulesForEvent, secondsUntilRetry } from "./run-rules";

/*
 * The queue's handler for a stored Sentry or GitHub delivery: takes the event
 * intake read from it and queued with it, runs the org's rules and the
 * Jira–Sentry sync, and records the delivery's outcome. While a write waits for Jira the job is retried
 * later; runs that finished are not redone.
 */

/** The stored event type is `<resource or event>.<action>`; the reader wants the first part. */
export function readStoredDelivery(delivery: { source: string; eventType: string; payload: unknown }): WebhookReading {
  return readWebhook(delivery.source, delivery.eventType.split(".")[0] ?? null, delivery.payload);
}

export async function processDelivery(job: JobRecord): Promise<void> {
  const queued = readQueuedDelivery(job.payload, deliveryEventSchema);
  const delivery = await findDeliveryById({ id: queued.deliveryId });
  if (!delivery?.orgId) throw new PermanentJobError(`Delivery ${queued.deliveryId} no longer exists`);

  // Only a job queued before intake stored the event reads the body again.
  const reading: WebhookReading = queued.event ? { kind: "event", event: queued.event } : readStoredDelivery(delivery);
  if (reading.kind !== "event") {
    await finishUnreadDelivery({ id: delivery.id, reading });
    return;
  }
  // Delivery history keeps pull requests and issue resolutions, whatever rules the org has.
  await recordDeliveryFacts({ orgId: delivery.orgId, delivery, event: reading.event });
  const results = await runRulesForEvent({
    orgId: delivery.orgId,
    event: reading.event,
    trigger: { key: `delivery:${delivery.id}`, deliveryId: delivery.id, requestId: `webhook-${delivery.id}` },
    lastAttempt: job.attempts >= job.maxAttempts,
  });
  // Owners and watchers hear of a new Critical issue or a regression from a job of its own (retried apart).
  await queueIssueNotification({ orgId: delivery.orgId, deliveryId: delivery.id, event: reading.event });
  // The sync's writes are idempotent per event, so a retried job repeats none of them.
  const synced = await syncDelivery({ orgId: delivery.orgId, event: reading.event, delivery });
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
      status: results.some((r) => r.status === "succeeded") || synced.some(changedSomething) ? "processed" : "ignored",
      error: results.length === 0 && synced.length === 0 ? "no enabled rule listens to this event" : undefined,
    });
}

const changedSomething = (result: SyncResult) => result.outcome === "applied" || result.outcome === "conflict";

/** The sync decides what each event means; it acts only on linked pairs and on what the org turned on. */
function syncDelivery({
  orgId,
  event,
  delivery,
}: {
  orgId: string;
  event: AutomationEvent;
  delivery: { id: string; receivedAt: Date };
}): Promise<SyncResult[]> {
  if (event.type === "git.pull_request") return syncFromPullRequest({ orgId, event, deliveryId: delivery.id });
  return syncFromSentryEvent({ orgId, event, deliveryId: delivery.id, receivedAt: delivery.receivedAt });
}
