import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type SnapshotItem = {
  key: string;
  points: number | null;
  assigneeAccountId: string | null;
  statusCategory: string;
  component: string | null;
};
export type SnapshotIssues = { source: "observed" | "backfill"; items: SnapshotItem[] };

export async function listSnapshots({ orgId, boardId }: { orgId: string; boardId: number }) {
  return db.sprintSnapshot.findMany({ where: { orgId, boardId }, orderBy: { takenAt: "asc" } });
}

/** Records a snapshot once; a second call for the same sprint and kind keeps the first (the moment matters). */
export async function saveSnapshot(input: {
  orgId: string;
  boardId: number;
  sprintId: number;
  sprintName: string;
  kind: "start" | "close";
  takenAt: Date;
  sprintStart: Date | null;
  sprintEnd: Date | null;
  committedPoints: number;
  completedPoints: number;
  addedPoints: number;
  removedPoints: number;
  issues: SnapshotIssues;
}) {
  const { orgId, boardId, sprintId, kind, issues, ...rest } = input;
  return db.sprintSnapshot.upsert({
    where: { orgId_boardId_sprintId_kind: { orgId, boardId, sprintId, kind } },
    create: { orgId, boardId, sprintId, kind, ...rest, issues: issues as unknown as Prisma.InputJsonValue },
    update: {},
  });
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
