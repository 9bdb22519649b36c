import type { ItemOutcome } from "./burn";

/**
 * How well a sprint was planned (LinearB's definitions, API-NOTES-2 §6):
 * - planning accuracy: what was committed at the start and completed, ÷ what was committed at the start (points at
 *   their start estimate, and issues); additions are left out. Below 70% suggests over-commitment, above 95% under.
 * - capacity accuracy: everything completed ÷ the capacity the team planned with; unknown without a recorded
 *   capacity, and never guessed.
 */
export type PlanningAccuracy = {
  committedPoints: number;
  completedCommittedPoints: number;
  committedIssues: number;
  completedCommittedIssues: number;
  /** 0–1; null when nothing was committed. */
  points: number | null;
  issues: number | null;
};

export type CapacityAccuracy =
  { known: true; plannedCapacity: number; completedPoints: number; ratio: number } | { known: false; reason: string };

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

export function planningAccuracy(outcomes: ItemOutcome[]): PlanningAccuracy {
  const committed = outcomes.filter((o) => o.committed);
  const completed = committed.filter((o) => o.inScope && o.done);
  const sum = (items: ItemOutcome[]) => Math.round(items.reduce((t, o) => t + (o.committedPoints ?? 0), 0) * 10) / 10;
  return {
    committedPoints: sum(committed),
    completedCommittedPoints: sum(completed),
    committedIssues: committed.length,
    completedCommittedIssues: completed.length,
    points: ratio(sum(completed), sum(committed)),
    issues: ratio(completed.length, committed.length),
  };
}

export function capacityAccuracy(completedPoints: number, plannedCapacity: number | null): CapacityAccuracy {
  if (plannedCapacity === null)
    return { known: false, reason: "Bosun did not record the team's capacity at the start" };
  if (!(plannedCapacity > 0)) return { known: false, reason: "the team's recorded capacity at the start was zero" };
  return { known: true, plannedCapacity, completedPoints, ratio: ratio(completedPoints, plannedCapacity) as number };
}

/** The middle value (the mean of the middle two for an even count); null for none. Non-finite values are skipped. */
export function median(values: (number | null)[]): number | null {
  const usable = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (usable.length === 0) return null;
  const middle = Math.floor(usable.length / 2);
  const upper = usable[middle] as number;
  return usable.length % 2 === 1 ? upper : ((usable[middle - 1] as number) + upper) / 2;
}
