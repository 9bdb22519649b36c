import "server-only";
import { randomUUID } from "node:crypto";
import { db, pool } from "@/lib/db/client";
import { deliveryJobInsertSql, requeueDeadJobByKey } from "@/lib/db/system/jobs";
import { groupCommit } from "@/lib/db/group-commit";

type Source = "sentry" | "github" | "workos" | "jira";

/** A verified delivery as intake read it: the event it queues, or why it is ignored. */
type DeliveryRecord = {
  idempotencyKey: string;
  eventType: string;
  payload: unknown;
  event: unknown;
  ignoredReason: string | null;
};

type DeliveryRow = DeliveryRecord & {
  source: Source;
  /** Null for a WorkOS event tied to no org: those share one org-less namespace of keys. */
  orgId: string | null;
  queue: string;
  jobKeyPrefix: string;
  maxAttempts: number;
};

/**
 * Inserts deliveries and, for each one not ignored, the job that processes it, in one statement on the raw pool: a
 * delivery is never stored without its job, and recording costs one round trip however many there are. Answers
 * each input's new delivery id in input order, or null where the org already had that source and key (also when an
 * earlier row of the same statement took it).
 */
async function insertDeliveriesWithJobs(rows: DeliveryRow[]): Promise<(string | null)[]> {
  const ids = rows.map(() => randomUUID());
  const column = <T>(pick: (row: DeliveryRow, index: number) => T) => rows.map(pick);
  const ignored = column((row) => row.ignoredReason !== null);
  const { rows: inserted } = await pool.query<{ id: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[],
                            $8::text[], $9::text[], $10::int[], $11::text[], $12::bool[], $13::jsonb[], $14::int[])
         AS t(id, "orgId", source, "idempotencyKey", "eventType", payload, error, "jobId", queue, "maxAttempts",
              "keyPrefix", ignored, extra, position)),
     delivery AS (
       INSERT INTO "WebhookDelivery" (id, "orgId", source, "idempotencyKey", "eventType", payload, status, error, "processedAt")
       SELECT id, "orgId", source::"WebhookSource", "idempotencyKey", "eventType", payload,
              (CASE WHEN ignored THEN 'ignored' ELSE 'received' END)::"DeliveryStatus", error,
              CASE WHEN ignored THEN now() END
       FROM input ORDER BY position
       ON CONFLICT ("orgId", source, "idempotencyKey") DO NOTHING
       RETURNING id),
     job AS (
       INSERT INTO "Job" (id, "orgId", queue, payload, "maxAttempts", "singletonKey")
       SELECT i."jobId", i."orgId", i.queue, jsonb_build_object('deliveryId', i.id) || i.extra, i."maxAttempts",
              i."keyPrefix" || i.id
       FROM input i JOIN delivery d ON d.id = i.id WHERE NOT i.ignored
       RETURNING id)
     SELECT id FROM delivery`,
    [
      ids,
      column((row) => row.orgId),
      column((row) => row.source),
      column((row) => row.idempotencyKey),
      column((row) => row.eventType),
      column((row) => JSON.stringify(row.payload)),
      column((row) => row.ignoredReason),
      column(() => randomUUID()),
      column((row) => row.queue),
      column((row) => row.maxAttempts),
      column((row) => row.jobKeyPrefix),
      ignored,
      column((row) => JSON.stringify(row.event == null ? {} : { event: row.event })),
      column((_row, index) => index),
    ],
  );
  const created = new Set(inserted.map((row) => row.id));
  return ids.map((id) => (created.has(id) ? id : null));
}

/**
 * Deliveries that arrive while one is being recorded are recorded together (lib/db/group-commit): under a storm a
 * round trip and a commit carry many deliveries, while a lone delivery is written at once. Two statements may be in
 * flight, so a slow commit does not hold every acknowledgement behind it.
 */
const recordDelivery = groupCommit(insertDeliveriesWithJobs, { maxBatch: 100, maxInFlight: 2 });

export const DELIVERY_QUEUE = "webhook.delivery";
/** Jira's admin-webhook events (sprint snapshots, scope changes, the two-way sync) have a queue of their own. */
export const JIRA_EVENT_QUEUE = "jira.event";
/** Deliveries are retried for a good while: a Jira outage should delay automations, not drop them. */
const DELIVERY_MAX_ATTEMPTS = 15;
/** Each org-scoped source's queue and job key prefix; the key prefix makes a delivery's job unique. */
const DELIVERY_JOBS = {
  sentry: { queue: DELIVERY_QUEUE, jobKeyPrefix: "delivery:" },
  github: { queue: DELIVERY_QUEUE, jobKeyPrefix: "delivery:" },
  jira: { queue: JIRA_EVENT_QUEUE, jobKeyPrefix: "jira-delivery:" },
} as const;

/**
 * Records a verified delivery and, unless it is one nothing reacts to, queues
 * its processing — in one statement on the raw pool (shared with the deliveries
 * arriving at the same moment), so the acknowledgement costs a single round trip
 * and a delivery is never stored without its job. A delivery seen
 * before by the same org (same source and key) is reported as a duplicate; if
 * it had failed for good, that org's job goes back on the queue. Another org
 * receiving the same body is a delivery of its own.
 */
export async function acceptDelivery({
  source,
  orgId,
  ...record
}: DeliveryRecord & { source: keyof typeof DELIVERY_JOBS; orgId: string }): Promise<{
  deliveryId: string;
  duplicate: boolean;
}> {
  const { queue, jobKeyPrefix } = DELIVERY_JOBS[source];
  const recorded = await recordDelivery({
    ...record,
    source,
    orgId,
    queue,
    jobKeyPrefix,
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
  });
  if (recorded) return { deliveryId: recorded, duplicate: false };

  const existing = await db.webhookDelivery.findUniqueOrThrow({
    where: { orgId_source_idempotencyKey: { orgId, source, idempotencyKey: record.idempotencyKey } },
    select: { id: true, status: true },
  });
  if (existing.status === "failed") {
    await requeueDeadJobByKey({ orgId, singletonKey: `${jobKeyPrefix}${existing.id}` });
  }
  return { deliveryId: existing.id, duplicate: true };
}

export const WORKOS_EVENT_QUEUE = "workos.event";
/** WorkOS events are retried for as long as deliveries are; waiting on WorkOS itself does not use attempts up. */
const WORKOS_EVENT_MAX_ATTEMPTS = 15;

export type WorkosAcceptance = { deliveryId: string; status: "queued" | "requeued" | "ignored" | "duplicate" };

/**
 * Records a verified WorkOS event and, unless Bosun does not act on its type,
 * queues its processing — in one statement, so it is never stored without its
 * job and the acknowledgement costs one round trip. The event id is the key;
 * events tied to no org share one org-less namespace (the unique index treats
 * those NULLs as equal). A redelivery of an event that failed for good goes
 * back on the queue with fresh attempts instead of being answered as a
 * duplicate; one still waiting in the queue, or already handled, is a duplicate.
 */
export async function acceptWorkosDelivery({
  orgId,
  ...record
}: DeliveryRecord & {
  orgId: string | null;
}): Promise<WorkosAcceptance> {
  const { idempotencyKey, event, ignoredReason } = record;
  // WorkOS sends a few events a minute: written at once, not through the group commit.
  const [recorded] = await insertDeliveriesWithJobs([
    {
      ...record,
      source: "workos",
      orgId,
      queue: WORKOS_EVENT_QUEUE,
      jobKeyPrefix: "workos-delivery:",
      maxAttempts: WORKOS_EVENT_MAX_ATTEMPTS,
    },
  ]);
  if (recorded) return { deliveryId: recorded, status: ignoredReason !== null ? "ignored" : "queued" };

  // Already recorded. Only a failed one is taken back: the delivery returns to "received" and its job
  // (dead by then) to the queue, both in one statement, so two redeliveries at once requeue it once.
  const { rows: existing } = await pool.query<{ id: string; requeued: boolean }>(
    `WITH existing AS (
       SELECT id, status FROM "WebhookDelivery"
       WHERE "orgId" IS NOT DISTINCT FROM $1 AND source = 'workos' AND "idempotencyKey" = $2),
     reopened AS (
       UPDATE "WebhookDelivery" d SET status = 'received', error = NULL, "processedAt" = NULL
       FROM existing WHERE d.id = existing.id AND d.status = 'failed'
       RETURNING d.id),
     job AS (
       ${deliveryJobInsertSql({ from: "reopened", id: "$3", orgId: "$1", queue: "$4", maxAttempts: "$5", keyPrefix: "'workos-delivery:'", requeueExisting: true, extraPayload: "$6" })})
     SELECT existing.id, EXISTS (SELECT 1 FROM reopened) AS requeued FROM existing`,
    [orgId, idempotencyKey, randomUUID(), WORKOS_EVENT_QUEUE, WORKOS_EVENT_MAX_ATTEMPTS, JSON.stringify({ event })],
  );
  const found = existing[0];
  if (!found) throw new Error(`WorkOS delivery ${idempotencyKey} was neither recorded nor found`);
  return { deliveryId: found.id, status: found.requeued ? "requeued" : "duplicate" };
}

/** The org's latest delivery from `source`: when it arrived and how it went, for the integrations page. */
export async function findLastDelivery({ orgId, source }: { orgId: string; source: Source }) {
  return db.webhookDelivery.findFirst({
    where: { orgId, source },
    orderBy: { receivedAt: "desc" },
    select: { receivedAt: true, eventType: true, status: true, error: true },
  });
}
