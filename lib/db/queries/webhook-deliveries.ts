import "server-only";
import { randomUUID } from "node:crypto";
import { db, pool } from "@/lib/db/client";

type Source = "sentry" | "github" | "workos";

/**
 * Records a delivery before any work is done. A redelivery of one already
 * handled (processed or ignored) is reported as a duplicate; one that failed
 * earlier is handed back for another attempt. The key is unique per org, and
 * deliberately org-less for events that belong to no org (the unique index
 * treats those NULLs as one org), which Prisma's compound-unique upsert cannot
 * express — hence the raw statement.
 */
export async function recordDelivery({ source, idempotencyKey, eventType, orgId, payload }: { source: Source; idempotencyKey: string; eventType: string; orgId: string | null; payload: unknown }) {
  // The no-op update on conflict hands back the row already there, in the same round trip.
  const { rows } = await pool.query<{ id: string; status: string }>(
    `INSERT INTO "WebhookDelivery" (id, "orgId", source, "idempotencyKey", "eventType", payload)
     VALUES ($1, $2, $3::"WebhookSource", $4, $5, $6::jsonb)
     ON CONFLICT ("orgId", source, "idempotencyKey") DO UPDATE SET "idempotencyKey" = EXCLUDED."idempotencyKey"
     RETURNING id, status`,
    [randomUUID(), orgId, source, idempotencyKey, eventType, JSON.stringify(payload)],
  );
  const delivery = rows[0]!;
  const duplicate = delivery.status === "processed" || delivery.status === "ignored";
  return { id: delivery.id, duplicate };
}

export async function finishDelivery({ id, status, error }: { id: string; status: "processed" | "ignored" | "failed"; error?: string }) {
  return db.webhookDelivery.update({ where: { id }, data: { status, error: error ?? null, processedAt: new Date() } });
}

export const DELIVERY_QUEUE = "webhook.delivery";
/** Deliveries are retried for a good while: a Jira outage should delay automations, not drop them. */
const DELIVERY_MAX_ATTEMPTS = 15;

/**
 * Records a verified delivery and, unless it is one no rule reacts to, queues
 * its processing — in one statement on the raw pool, so the acknowledgement
 * costs a single round trip and a delivery is never stored without its job. A delivery seen
 * before by the same org (same source and key) is reported as a duplicate; if
 * it had failed for good, that org's job goes back on the queue. Another org
 * receiving the same body is a delivery of its own.
 */
export async function acceptDelivery({ source, idempotencyKey, eventType, orgId, payload, ignoredReason }: { source: Source; idempotencyKey: string; eventType: string; orgId: string; payload: unknown; ignoredReason: string | null }): Promise<{ deliveryId: string; duplicate: boolean }> {
  const ignored = ignoredReason !== null;
  const { rows } = await pool.query<{ id: string }>(
    `WITH delivery AS (
       INSERT INTO "WebhookDelivery" (id, "orgId", source, "idempotencyKey", "eventType", payload, status, error, "processedAt")
       VALUES ($1, $2, $3::"WebhookSource", $4, $5, $6::jsonb, $7::"DeliveryStatus", $8, $9)
       ON CONFLICT ("orgId", source, "idempotencyKey") DO NOTHING
       RETURNING id),
     job AS (
       INSERT INTO "Job" (id, "orgId", queue, payload, "maxAttempts", "singletonKey")
       SELECT $10, $2, $11, jsonb_build_object('deliveryId', id), $12, 'delivery:' || id
       FROM delivery WHERE NOT $13
       RETURNING id)
     SELECT id FROM delivery`,
    [randomUUID(), orgId, source, idempotencyKey, eventType, JSON.stringify(payload), ignored ? "ignored" : "received", ignoredReason, ignored ? new Date() : null, randomUUID(), DELIVERY_QUEUE, DELIVERY_MAX_ATTEMPTS, ignored],
  );
  if (rows[0]) return { deliveryId: rows[0].id, duplicate: false };

  const existing = await db.webhookDelivery.findUniqueOrThrow({ where: { orgId_source_idempotencyKey: { orgId, source, idempotencyKey } }, select: { id: true, status: true } });
  if (existing.status === "failed") {
    await db.job.updateMany({ where: { orgId, singletonKey: `delivery:${existing.id}`, status: "dead" }, data: { status: "queued", attempts: 0, runAt: new Date(), deadAt: null, lastError: null, finishedAt: null } });
  }
  return { deliveryId: existing.id, duplicate: true };
}
