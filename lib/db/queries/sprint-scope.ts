import "server-only";
import { db } from "@/lib/db/client";
import type { ScopeChangeRecord } from "@/lib/domain/capacity";

/**
 * A running sprint's scope changes, one row per change, from Jira's issue
 * events. The source key (delivery key + changelog item + sprint) is unique per
 * org, so a redelivered event records nothing new.
 */
export async function recordScopeChanges({
  orgId,
  changes,
}: {
  orgId: string;
  changes: ScopeChangeRecord[];
}): Promise<number> {
  if (changes.length === 0) return 0;
  const { count } = await db.sprintScopeChange.createMany({
    data: changes.map(({ day, occurredAt, ...change }) => ({
      ...change,
      orgId,
      occurredAt: new Date(occurredAt),
      day: new Date(`${day}T00:00:00Z`),
    })),
    skipDuplicates: true,
  });
  return count;
}

/** A sprint's scope changes since `since` (all when null), oldest first. */
export async function listScopeChanges({
  orgId,
  sprintId,
  since = null,
}: {
  orgId: string;
  sprintId: number;
  since?: Date | null;
}) {
  return db.sprintScopeChange.findMany({
    where: { orgId, sprintId, ...(since ? { occurredAt: { gte: since } } : {}) },
    orderBy: [{ occurredAt: "asc" }, { sourceKey: "asc" }],
  });
}

/** Per day and kind, the number of changes and their points: what a scope-change chart draws. */
export async function sumScopeChangesByDay({ orgId, sprintId }: { orgId: string; sprintId: number }) {
  const rows = await db.sprintScopeChange.groupBy({
    by: ["day", "kind"],
    where: { orgId, sprintId },
    _count: { _all: true },
    _sum: { points: true },
    orderBy: { day: "asc" },
  });
  return rows.map((row) => ({
    day: row.day.toISOString().slice(0, 10),
    kind: row.kind,
    count: row._count._all,
    points: row._sum.points ?? 0,
  }));
}
