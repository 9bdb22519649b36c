import "server-only";
import type { ThroughputSprint } from "@/lib/domain/forecast";
import { listSnapshots, type SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";

/** How many of the latest closed sprints the forecast draws from: recent enough to be today's team. */
export const FORECAST_HISTORY_SPRINTS = 12;

const DAY_MS = 86_400_000;

type CloseSnapshot = {
  sprintName: string;
  sprintStart: Date | null;
  sprintEnd: Date | null;
  takenAt: Date;
  completedPoints: number;
  issues: unknown;
};

/**
 * Issues a close snapshot counts as completed. A backfilled snapshot records today's status, so an issue resolved
 * more than a day after the sprint ended (when the snapshot knows the time) was finished in a later sprint.
 */
export function completedIssueCount(snapshot: CloseSnapshot): number {
  const items = (snapshot.issues as SnapshotIssues | null)?.items ?? [];
  const end = snapshot.sprintEnd?.getTime() ?? Number.POSITIVE_INFINITY;
  return items.filter((item) => {
    if (item.statusCategory !== "done") return false;
    const resolvedAt = (item as { resolvedAt?: string | null }).resolvedAt;
    return !resolvedAt || Date.parse(resolvedAt) <= end + DAY_MS;
  }).length;
}

/** One close snapshot as a sprint of throughput. Pure. */
export function toThroughputSprint(snapshot: CloseSnapshot): ThroughputSprint {
  return {
    name: snapshot.sprintName,
    start: snapshot.sprintStart,
    end: snapshot.sprintEnd ?? snapshot.takenAt,
    completedPoints: snapshot.completedPoints,
    completedIssues: completedIssueCount(snapshot),
  };
}

/** The board's latest closed sprints, oldest first, from the close snapshots Bosun has recorded. */
export async function loadThroughput({ orgId, boardId }: { orgId: string; boardId: number }) {
  const closes = (await listSnapshots({ orgId, boardId }))
    .filter((s) => s.kind === "close")
    .sort((a, b) => (a.sprintEnd ?? a.takenAt).getTime() - (b.sprintEnd ?? b.takenAt).getTime());
  return closes.slice(-FORECAST_HISTORY_SPRINTS).map(toThroughputSprint);
}
