import "server-only";
import { db } from "@/lib/db/client";
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

/** The latest decisions, newest first, with the pair's Sentry short id, for the automations page. */
export async function listRecentSyncActivity({ orgId, limit = 50 }: { orgId: string; limit?: number }) {
  const rows = await db.syncActivity.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, take: limit });
  const linkIds = [...new Set(rows.map((row) => row.linkId).filter((id): id is string => id !== null))];
  const links = await db.ticketLink.findMany({
    where: { orgId, id: { in: linkIds } },
    select: { id: true, sentryShortId: true },
  });
  const shortIds = new Map(links.map((link) => [link.id, link.sentryShortId]));
  return rows.map((row) => ({ ...row, sentryShortId: row.linkId ? (shortIds.get(row.linkId) ?? null) : null }));
}
