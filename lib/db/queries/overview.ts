import "server-only";
import { db } from "@/lib/db/client";

/**
 * What the Overview's "needs me" panel reads beyond notifications: outbound writes still waiting or failed for good,
 * and rollbacks waiting for a decision. Every read filters on the org.
 */

/** `actorId`: only the writes this person asked for (what a member may see and retry). */
type WriteScope = { orgId: string; actorId?: string; failedSince: Date };

/**
 * Pending writes, and those that failed for good since `failedSince` (the window the automations page offers a
 * retry in). E-mails are left out: they wait for their batch by design, and a stuck e-mail is reported elsewhere.
 */
function writesWhere({ orgId, actorId, failedSince }: WriteScope) {
  return {
    orgId,
    operation: { not: "mail.send" },
    ...(actorId ? { actorType: "user" as const, actorId } : {}),
    OR: [
      { status: "pending" as const },
      { status: { in: ["failed" as const, "dead" as const] }, completedAt: { gte: failedSince } },
    ],
  };
}

export async function countWritesNeedingAttention(scope: WriteScope): Promise<{ status: string; count: number }[]> {
  const rows = await db.outboxIntent.groupBy({ by: ["status"], where: writesWhere(scope), _count: { _all: true } });
  return rows.map((row) => ({ status: row.status, count: row._count._all }));
}

const WRITE_FIELDS = {
  id: true,
  operation: true,
  payload: true,
  status: true,
  lastError: true,
  createdAt: true,
} as const;

/** The newest of those writes, the failed ones (a person's to retry) apart from the pending (they retry by themselves). */
export async function listWritesNeedingAttention({ take, ...scope }: WriteScope & { take: number }) {
  const where = writesWhere(scope);
  const [failed, pending] = await Promise.all([
    db.outboxIntent.findMany({
      where: { ...where, status: { in: ["failed", "dead"] } },
      select: WRITE_FIELDS,
      orderBy: { createdAt: "desc" },
      take,
    }),
    db.outboxIntent.findMany({
      where: { ...where, status: "pending" },
      select: WRITE_FIELDS,
      orderBy: { createdAt: "desc" },
      take,
    }),
  ]);
  return { failed, pending };
}

/** Rollbacks recommended and not yet decided, the newest first, with how many there are in all. */
export async function listRollbackGatesAwaitingDecision({ orgId, take }: { orgId: string; take: number }) {
  const where = { orgId, status: "recommended" as const };
  const [gates, total] = await Promise.all([
    db.rollbackGate.findMany({
      where,
      select: { id: true, release: true, environment: true, raisedAt: true, evidence: true },
      orderBy: { raisedAt: "desc" },
      take,
    }),
    db.rollbackGate.count({ where }),
  ]);
  return { gates, total };
}
