import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

type Source = "sentry" | "github" | "workos";

/**
 * Records a delivery before any work is done. A redelivery of one already
 * handled (processed or ignored) is reported as a duplicate; one that failed
 * earlier is handed back for another attempt.
 */
export async function recordDelivery({ source, idempotencyKey, eventType, orgId, payload }: { source: Source; idempotencyKey: string; eventType: string; orgId: string | null; payload: unknown }) {
  const delivery = await db.webhookDelivery.upsert({
    where: { source_idempotencyKey: { source, idempotencyKey } },
    // The payload was parsed from a JSON body, so it is JSON.
    create: { source, idempotencyKey, eventType, orgId, payload: payload as Prisma.InputJsonValue },
    update: {},
  });
  const duplicate = delivery.status === "processed" || delivery.status === "ignored";
  return { id: delivery.id, duplicate };
}

export async function finishDelivery({ id, status, error }: { id: string; status: "processed" | "ignored" | "failed"; error?: string }) {
  return db.webhookDelivery.update({ where: { id }, data: { status, error: error ?? null, processedAt: new Date() } });
}
