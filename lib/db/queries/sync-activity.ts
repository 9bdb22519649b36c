import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { JsonInput } from "@/lib/db/types";
import type { SyncDirection, SyncOutcome } from "@/lib/domain/sync";

/** The sync's run log: one row per decision, unique per event and field so a redelivery records nothing new. */
export type SyncActivityInput = {
  orgId: string;
  linkId: string | null;
  jiraIssueKey: string | null;
  sentryIssueId: string | null;
  direction: SyncDirection;
  field: string;
  trigger: string;
  outcome: SyncOutcome;
  detail: string | null;
  intentId: string | null;
  conflict: JsonInput | null;
  occurredAt: Date;
  sourceKey: string;
};

/** Records a decision unless one with its source key exists; true when this call recorded it. */
export async function recordSyncActivity(input: SyncActivityInput): Promise<boolean> {
  const { conflict, ...rest } = input;
  const { count } = await db.syncActivity.createMany({
    data: [{ ...rest, ...(conflict === null ? {} : { conflict }) }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Decisions already recorded for one event (source keys `<event>:<field>`), for a redelivery. */
export async function findSyncActivityForEvent({ orgId, eventKey }: { orgId: string; eventKey: string }) {
  return db.syncActivity.findMany({
    where: { orgId, sourceKey: { startsWith: `${eventKey}:` } },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * How the sync's log is ordered in SQL, so `limit` rows are the first of the whole order rather than a re-sorted
 * window of the latest. Ties go latest first; direction and outcome sort in the order the schema declares them.
 */
export type SyncActivityOrder = { by: "occurredAt" | "direction" | "outcome"; dir: "asc" | "desc" };

/** Which of the org's decisions to list: the first `limit` (50 by default) in `orderBy`. */
export type SyncActivityQuery = { orgId: string; limit?: number; orderBy?: SyncActivityOrder };

const LATEST_FIRST: Prisma.SyncActivityOrderByWithRelationInput[] = [
  { occurredAt: "desc" },
  { createdAt: "desc" },
  { id: "desc" },
];

function syncActivityOrderBy(order: SyncActivityOrder | undefined): Prisma.SyncActivityOrderByWithRelationInput[] {
  // Without an order, the latest recorded first: the (orgId, createdAt) index answers it.
  if (!order) return [{ createdAt: "desc" }, { id: "desc" }];
  const { by, dir } = order;
  if (by === "occurredAt") return [{ occurredAt: dir }, { createdAt: dir }, { id: dir }];
  return [by === "direction" ? { direction: dir } : { outcome: dir }, ...LATEST_FIRST];
}

/** The latest decisions (or the first `limit` in `orderBy`), with the pair's Sentry short id, for the automations page. */
export async function listRecentSyncActivity({ orgId, limit = 50, orderBy }: SyncActivityQuery) {
  const rows = await db.syncActivity.findMany({ where: { orgId }, orderBy: syncActivityOrderBy(orderBy), take: limit });
  const linkIds = [...new Set(rows.map((row) => row.linkId).filter((id): id is string => id !== null))];
  const links = await db.ticketLink.findMany({
    where: { orgId, id: { in: linkIds } },
    select: { id: true, sentryShortId: true },
  });
  const shortIds = new Map(links.map((link) => [link.id, link.sentryShortId]));
  return rows.map((row) => ({ ...row, sentryShortId: row.linkId ? (shortIds.get(row.linkId) ?? null) : null }));
}
