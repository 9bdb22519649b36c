import type { ThroughputSprint } from "./types";

const DAY_MS = 86_400_000;
/** Jira's default sprint length, for a history without dates. */
export const DEFAULT_SPRINT_LENGTH_DAYS = 14;

/** The board's usual sprint length in days: the median of its closed sprints' planned lengths. */
export function sprintLengthDays(history: ThroughputSprint[]): number {
  const lengths = history
    .filter((s) => s.start && s.end && s.end.getTime() > s.start.getTime())
    .map((s) => (s.end!.getTime() - s.start!.getTime()) / DAY_MS)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return DEFAULT_SPRINT_LENGTH_DAYS;
  const middle = Math.floor(lengths.length / 2);
  const median = lengths.length % 2 ? lengths[middle]! : (lengths[middle - 1]! + lengths[middle]!) / 2;
  return Math.max(1, Math.round(median));
}

/** When forecast sprint `n` (1 = the current one) ends. */
export function sprintEndDate(firstSprintEnds: Date, lengthDays: number, n: number): Date {
  return new Date(firstSprintEnds.getTime() + (n - 1) * lengthDays * DAY_MS);
}

export function firstSprintEnd(activeSprintEnd: Date | null, now: Date, lengthDays: number): Date {
  return activeSprintEnd && activeSprintEnd.getTime() > now.getTime()
    ? activeSprintEnd
    : new Date(now.getTime() + lengthDays * DAY_MS);
}
