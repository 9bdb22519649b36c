// A queued job names its delivery by id alone; the delivery row carries its org, so these take no orgId.
import "server-only";
import { db } from "@/lib/db/client";

/** A stored delivery, whole, for the queue's handler; null once it is gone. */
export async function findDeliveryById({ id }: { id: string }) {
  return db.webhookDelivery.findUnique({ where: { id } });
}

/** A stored WorkOS delivery, for the queue's handler. */
export async function findWorkosDelivery({ id }: { id: string }) {
  return db.webhookDelivery.findFirst({
    where: { id, source: "workos" },
    select: { id: true, payload: true, eventType: true },
  });
}

export async function finishDelivery({
  id,
  status,
  error,
}: {
  id: string;
  status: "processed" | "ignored" | "failed";
  error?: string;
}) {
  return db.webhookDelivery.update({ where: { id }, data: { status, error: error ?? null, processedAt: new Date() } });
}

/** A delivery whose body leads to no work: ignored with the reason, or failed naming the fields it lacks. */
export async function finishUnreadDelivery({
  id,
  reading,
}: {
  id: string;
  reading: { kind: "ignored"; reason: string } | { kind: "invalid"; fields: Record<string, string> };
}) {
  return reading.kind === "ignored"
    ? finishDelivery({ id, status: "ignored", error: reading.reason })
    : finishDelivery({ id, status: "failed", error: JSON.stringify(reading.fields) });
}
