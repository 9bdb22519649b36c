/**
 * The Overview's "can each team carry its sprint?" rows: one per board with a running sprint, the boards at risk
 * first. Pure: the caller passes `now`.
 */

/** One day of the running sprint's burndown: points left at the day's end, and Jira's guideline (null without one). */
export type BurndownDay = { day: string; remaining: number; ideal: number | null };

export type SprintLoad = {
  boardId: number;
  boardName: string;
  sprintName: string;
  capacityPoints: number;
  committedPoints: number;
  completedPoints: number;
  remainingPoints: number;
  /** The planned end (ISO); null for a sprint without one. */
  endDate: string | null;
  conflictCount: number;
  burndown: BurndownDay[];
};

export type SprintRow = SprintLoad & {
  /** Whole calendar days until the planned end, 0 once it has passed; null without an end. */
  daysLeft: number | null;
  isAtRisk: boolean;
  /** Committed points beyond capacity, one decimal; 0 within it. */
  overBy: number;
  /** Committed ÷ capacity in percent, rounded; null without capacity. */
  loadPercent: number | null;
};

const DAY_MS = 86_400_000;
const round1 = (value: number) => Math.round(value * 10) / 10;

/** At risk: the sprint holds more points than the team can deliver in it. */
export function isSprintAtRisk({
  committedPoints,
  capacityPoints,
}: Pick<SprintLoad, "committedPoints" | "capacityPoints">) {
  return committedPoints > capacityPoints;
}

export function daysLeft(endDate: string | null, now: Date): number | null {
  if (!endDate) return null;
  const end = Date.parse(endDate);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - now.getTime()) / DAY_MS));
}

export function toSprintRow(load: SprintLoad, now: Date): SprintRow {
  const { committedPoints, capacityPoints } = load;
  return {
    ...load,
    daysLeft: daysLeft(load.endDate, now),
    isAtRisk: isSprintAtRisk(load),
    overBy: round1(Math.max(0, committedPoints - capacityPoints)),
    loadPercent: capacityPoints > 0 ? Math.round((committedPoints / capacityPoints) * 100) : null,
  };
}

/**
 * Rows the manager should look at first come first: at-risk sprints by how far over they are, then the rest by
 * load (the fullest first), then by board name so the order is stable.
 */
export function compareSprintRows(a: SprintRow, b: SprintRow): number {
  if (a.isAtRisk !== b.isAtRisk) return a.isAtRisk ? -1 : 1;
  if (a.overBy !== b.overBy) return b.overBy - a.overBy;
  const loadA = a.loadPercent ?? -1;
  const loadB = b.loadPercent ?? -1;
  if (loadA !== loadB) return loadB - loadA;
  return a.boardName.localeCompare(b.boardName) || a.boardId - b.boardId;
}

export function sprintRows(loads: SprintLoad[], now: Date): SprintRow[] {
  return loads.map((load) => toSprintRow(load, now)).sort(compareSprintRows);
}
