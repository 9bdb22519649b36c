import { roundTo } from "./round";

export type SprintSnapshotSummary = {
  sprintId: number;
  name: string;
  startedAt: string;
  committedPoints: number;
  completedPoints: number;
};

export type Velocity = {
  /** Chronological (oldest first), at most the last N. */
  sprints: SprintSnapshotSummary[];
  /** Null when there is no closed sprint yet. */
  averageCompleted: number | null;
  averageCommitted: number | null;
  /** Completed ÷ committed over the averaged sprints; null when nothing was committed. */
  completionRatio: number | null;
};

/** Three sprints follow a change in the team within weeks, yet one bad sprint only moves the average by a third. */
const AVERAGED_SPRINTS = 3;

/**
 * Velocity from the snapshots taken when sprints closed (every entry is a
 * closed sprint). The chart shows the last `lastN`; the averages use only the
 * last three, to one decimal, and the completion ratio to two.
 */
export function velocity(sprints: SprintSnapshotSummary[], lastN = 6): Velocity {
  const chronological = [...sprints].sort(
    (a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.sprintId - b.sprintId,
  );
  const shownCount = Math.max(0, Math.floor(lastN));
  const shown = shownCount === 0 ? [] : chronological.slice(-shownCount);
  const averaged = chronological.slice(-AVERAGED_SPRINTS);
  if (averaged.length === 0)
    return { sprints: shown, averageCompleted: null, averageCommitted: null, completionRatio: null };

  const completed = averaged.reduce((total, s) => total + s.completedPoints, 0);
  const committed = averaged.reduce((total, s) => total + s.committedPoints, 0);
  return {
    sprints: shown,
    averageCompleted: roundTo(completed / averaged.length, 1),
    averageCommitted: roundTo(committed / averaged.length, 1),
    completionRatio: committed > 0 ? roundTo(completed / committed, 2) : null,
  };
}
