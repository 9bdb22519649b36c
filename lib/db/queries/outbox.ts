import "server-only";
import { db } from "@/lib/db/client";

/** Outbound writes not yet applied (waiting for a retry or for earlier writes), newest first. */
export async function listPendingWrites({ orgId, operationPrefix }: { orgId: string; operationPrefix?: string }) {
  return db.outboxIntent.findMany({
    where: { orgId, status: { in: ["pending", "in_flight"] }, ...(operationPrefix ? { operation: { startsWith: operationPrefix } } : {}) },
    select: { id: true, operation: true, payload: true, attempts: true, lastError: true, nextAttemptAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/** The outcome of one write, by its idempotency key. */
export async function findIntent({ orgId, idempotencyKey }: { orgId: string; idempotencyKey: string }) {
  return db.outboxIntent.findUnique({ where: { orgId_idempotencyKey: { orgId, idempotencyKey } }, select: { status: true, result: true, lastError: true } });
}

/** Writes that failed for good in the last week, newest first, for the automations page. */
export async function listFailedWrites({ orgId, since = new Date(Date.now() - 7 * 86_400_000) }: { orgId: string; since?: Date }) {
  return db.outboxIntent.findMany({
    where: { orgId, status: { in: ["failed", "dead"] }, createdAt: { gte: since } },
    select: { id: true, operation: true, payload: true, attempts: true, lastError: true, nextAttemptAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}
