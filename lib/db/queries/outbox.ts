import "server-only";
import { db } from "@/lib/db/client";

/** What the pages show of a write, and what they need to decide who may retry it. */
const WRITE_FIELDS = {
  id: true,
  operation: true,
  payload: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
  createdAt: true,
  completedAt: true,
  retriedAt: true,
  idempotencyKey: true,
  actorType: true,
  actorId: true,
  runId: true,
} as const;

/** `actorId`: only the writes this person asked for (what a member may see and retry). */
type Scope = { orgId: string; operationPrefix?: string; actorId?: string };

const scoped = ({ orgId, operationPrefix, actorId }: Scope) => ({
  orgId,
  ...(operationPrefix ? { operation: { startsWith: operationPrefix } } : {}),
  ...(actorId ? { actorType: "user" as const, actorId } : {}),
});

/** Outbound writes not yet applied (waiting for a retry or for earlier writes), newest first. */
export async function listPendingWrites(scope: Scope) {
  return db.outboxIntent.findMany({
    where: { ...scoped(scope), status: { in: ["pending", "in_flight"] } },
    select: WRITE_FIELDS,
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/** The outcome of one write, by its idempotency key. */
export async function findIntent({ orgId, idempotencyKey }: { orgId: string; idempotencyKey: string }) {
  return db.outboxIntent.findUnique({
    where: { orgId_idempotencyKey: { orgId, idempotencyKey } },
    select: { id: true, status: true, result: true, lastError: true },
  });
}

/** One of the org's writes that failed for good, or null (another org's, unknown, or not failed). */
export async function findFailedWrite({ orgId, intentId }: { orgId: string; intentId: string }) {
  return db.outboxIntent.findFirst({
    where: { id: intentId, orgId, status: { in: ["failed", "dead"] } },
    select: WRITE_FIELDS,
  });
}

/**
 * Writes that failed for good in the last week, newest first, for the pages to
 * offer a retry. One that was superseded by a corrected request is not listed:
 * its replacement is. Indexed by (orgId, status, completedAt).
 */
export async function listFailedWrites({
  since = new Date(Date.now() - 7 * 86_400_000),
  ...scope
}: Scope & { since?: Date }) {
  return db.outboxIntent.findMany({
    where: { ...scoped(scope), status: { in: ["failed", "dead"] }, completedAt: { gte: since } },
    select: WRITE_FIELDS,
    orderBy: { completedAt: "desc" },
    take: 20,
  });
}

export type ListedWrite = Awaited<ReturnType<typeof listPendingWrites>>[number];
