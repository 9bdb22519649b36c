import { median } from "./accuracy";
import type { BurnBasis } from "./burn";
import type { SprintReport } from "./report";

/**
 * A board's trends across its closed sprints (oldest first, at most MAX_TREND_SPRINTS): velocity (completed
 * points), planning accuracy, interrupt rate and carryover. The interrupt rate needs the additions after the start,
 * which only tracked sprints know: backfilled sprints are left out of it, and counted.
 */
export const MAX_TREND_SPRINTS = 26;

export type TrendSprint = {
  sprintId: number;
  name: string;
  startDate: string;
  completeDate: string | null;
  report: SprintReport;
};

export type TrendRow = {
  sprintId: number;
  name: string;
  startDate: string;
  completeDate: string | null;
  basis: BurnBasis;
  committedPoints: number;
  completedPoints: number;
  planningAccuracy: number | null;
  interruptRate: number | null;
  carryoverPoints: number;
  carryoverIssues: number;
};

export type SprintTrends = {
  rows: TrendRow[];
  medianVelocity: number | null;
  medianPlanningAccuracy: number | null;
  /** Added ÷ committed over the tracked sprints (a ratio of sums); null when none is tracked. */
  interruptRate: number | null;
  trackedSprints: number;
  backfilledSprints: number;
};

export function sprintTrends(sprints: TrendSprint[]): SprintTrends {
  const rows = [...sprints]
    .sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate) || a.sprintId - b.sprintId)
    .slice(-MAX_TREND_SPRINTS)
    .map(({ sprintId, name, startDate, completeDate, report }): TrendRow => ({
      sprintId,
      name,
      startDate,
      completeDate,
      basis: report.burn.basis,
      committedPoints: report.figures.committedPoints,
      completedPoints: report.figures.completedPoints,
      planningAccuracy: report.planning.points,
      interruptRate: report.figures.interruptRate,
      carryoverPoints: report.figures.carryoverPoints,
      carryoverIssues: report.figures.carryoverIssues,
    }));
  const tracked = sprints.filter(
    (s) => rows.some((r) => r.sprintId === s.sprintId) && s.report.burn.basis === "tracked",
  );
  const committed = tracked.reduce((total, s) => total + s.report.figures.committedPoints, 0);
  const added = tracked.reduce((total, s) => total + s.report.figures.addedPoints, 0);
  return {
    rows,
    medianVelocity: median(rows.map((r) => r.completedPoints)),
    medianPlanningAccuracy: median(rows.map((r) => r.planningAccuracy)),
    interruptRate: committed > 0 ? Math.round((added / committed) * 1000) / 1000 : null,
    trackedSprints: tracked.length,
    backfilledSprints: rows.length - tracked.length,
  };
}
