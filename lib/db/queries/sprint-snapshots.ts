import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type SnapshotItem = {
  key: string;
  points: number | null;
  assigneeAccountId: string | null;
  statusCategory: string;
  component: string | null;
  /** Kept since sprint reports (older rows lack them): Jira's status name and issue type, when it was resolved, */
  status?: string;
  issueType?: string;
  resolvedAt?: string | null;
  /** and whether it was blocked by an issue not done (Jira's Flagged field is not read, so a flag alone is not seen). */
  blocked?: boolean;
};
export type SnapshotIssues = {
  source: "observed" | "backfill";
  items: SnapshotItem[];
  /**
   * How a late start snapshot knew the commitment: replayed back from the scope changes Bosun recorded, or
   * the sprint's issues as found late (no changes were recorded since the start). Absent on other snapshots.
   */
  rebuiltFrom?: "scope-changes" | "issues-when-found";
  /** On a close snapshot: when Jira says the sprint closed (its completeDate), whenever the snapshot was taken. */
  closedAt?: string | null;
};
export type SnapshotOrigin = "webhook" | "reconciled" | "observed" | "backfill";

/** The sprint a snapshot is of, which of its two snapshots it is, and when it was taken. */
export type SnapshotSprint = {
  sprintId: number;
  sprintName: string;
  kind: "start" | "close";
  takenAt: Date;
  sprintStart: Date | null;
  sprintEnd: Date | null;
};

/**
 * Which earlier snapshot a new one takes the place of. The webhook's is taken at the moment, so it replaces
 * any guess made later (a page load, a reconciliation, a backfill); nothing replaces it, so a redelivery
 * changes nothing. Every other origin is only recorded where nothing is yet.
 */
const REPLACES: Record<SnapshotOrigin, SnapshotOrigin[]> = {
  webhook: ["observed", "reconciled", "backfill"],
  reconciled: [],
  observed: [],
  backfill: [],
};

export async function listSnapshots({ orgId, boardId }: { orgId: string; boardId: number }) {
  return db.sprintSnapshot.findMany({ where: { orgId, boardId }, orderBy: { takenAt: "asc" } });
}

/**
 * Records a snapshot once per sprint and kind; a later one replaces it only as REPLACES allows (the moment
 * matters). Returns the snapshot that stands.
 */
export async function saveSnapshot(
  input: SnapshotSprint & {
    orgId: string;
    boardId: number;
    committedPoints: number;
    completedPoints: number;
    addedPoints: number;
    removedPoints: number;
    issues: SnapshotIssues;
    origin?: SnapshotOrigin;
    delaySeconds?: number | null;
  },
) {
  const { orgId, boardId, sprintId, kind, issues, origin = "observed", delaySeconds = null, ...rest } = input;
  const where = { orgId, boardId, sprintId, kind };
  const data = { ...rest, origin, delaySeconds, issues: issues as unknown as Prisma.InputJsonValue };
  if (REPLACES[origin].length > 0) {
    const { count } = await db.sprintSnapshot.updateMany({
      where: { ...where, origin: { in: REPLACES[origin] } },
      data,
    });
    if (count > 0) return db.sprintSnapshot.findUniqueOrThrow({ where: { orgId_boardId_sprintId_kind: where } });
  }
  return db.sprintSnapshot.upsert({
    where: { orgId_boardId_sprintId_kind: where },
    create: { ...where, ...data },
    update: {},
  });
}

/**
 * Records the team's capacity on a sprint's start snapshot, once: the first figure stands, so a later page load
 * (after time off was entered, say) does not rewrite what the sprint was planned with. Returns whether it recorded.
 */
export async function recordPlannedCapacity(input: {
  orgId: string;
  boardId: number;
  sprintId: number;
  plannedCapacity: number;
}): Promise<boolean> {
  const { orgId, boardId, sprintId, plannedCapacity } = input;
  const { count } = await db.sprintSnapshot.updateMany({
    where: { orgId, boardId, sprintId, kind: "start", plannedCapacity: null },
    data: { plannedCapacity },
  });
  return count > 0;
}

/** One sprint's start or close snapshot, or null. */
export async function findSnapshot(where: {
  orgId: string;
  boardId: number;
  sprintId: number;
  kind: "start" | "close";
}) {
  return db.sprintSnapshot.findUnique({ where: { orgId_boardId_sprintId_kind: where } });
}

/** What Bosun knows of these sprints: the board of each it has a snapshot of, and which have closed. */
export async function findSprintSnapshotKinds({ orgId, sprintIds }: { orgId: string; sprintIds: number[] }) {
  const rows = await db.sprintSnapshot.findMany({
    where: { orgId, sprintId: { in: sprintIds } },
    select: { boardId: true, sprintId: true, kind: true },
  });
  return {
    boards: new Map(rows.map((row) => [row.sprintId, row.boardId])),
    closed: new Set(rows.filter((row) => row.kind === "close").map((row) => row.sprintId)),
  };
}

/** Every closed sprint's snapshot across the org's boards: who completed what, for component ownership. */
export async function listCloseSnapshots({ orgId }: { orgId: string }) {
  return db.sprintSnapshot.findMany({
    where: { orgId, kind: "close" },
    select: { takenAt: true, sprintEnd: true, issues: true },
    orderBy: { takenAt: "desc" },
    take: 60,
  });
}

/** The boards Bosun holds sprint snapshots of. */
export async function listSnapshotBoardIds({ orgId }: { orgId: string }): Promise<number[]> {
  const rows = await db.sprintSnapshot.findMany({
    where: { orgId },
    select: { boardId: true },
    distinct: ["boardId"],
    orderBy: { boardId: "asc" },
  });
  return rows.map((row) => row.boardId);
}

/** The history of closed sprints read from Jira for the sprint reports: one row per org ("jira-sprints"). */
const SPRINT_HISTORY_SOURCE = "jira-sprints";

export async function findSprintHistoryBackfill({ orgId }: { orgId: string }) {
  return db.historyBackfill.findUnique({ where: { orgId_source: { orgId, source: SPRINT_HISTORY_SOURCE } } });
}

export async function completeSprintHistoryBackfill({
  orgId,
  completedAt,
  reachedBack,
  note,
}: {
  orgId: string;
  completedAt: Date;
  reachedBack: Date | null;
  note: string;
}) {
  const data = { completedAt, reachedBack, note };
  return db.historyBackfill.upsert({
    where: { orgId_source: { orgId, source: SPRINT_HISTORY_SOURCE } },
    create: { orgId, source: SPRINT_HISTORY_SOURCE, ...data },
    update: data,
  });
}
