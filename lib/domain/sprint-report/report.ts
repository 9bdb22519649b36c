import { capacityAccuracy, median, planningAccuracy, type CapacityAccuracy, type PlanningAccuracy } from "./accuracy";
import { burnSeries, type BurnInput, type BurnSeries } from "./burn";
import { carryover, carryoverByReason, type CarryoverItem } from "./carryover";
import type { ReportItem } from "./types";

/**
 * One sprint's report: its burn series, what it committed and completed, its scope change, what carries over and
 * why, and how its planning compares with the team's earlier sprints. Pure.
 */
export type SprintFigures = {
  committedPoints: number;
  committedIssues: number;
  completedPoints: number;
  completedIssues: number;
  addedPoints: number;
  removedPoints: number;
  /** Net change of estimates after the start. */
  reestimatedPoints: number;
  carryoverPoints: number;
  carryoverIssues: number;
  /** Added ÷ committed, for a tracked sprint; null for a backfilled one (its additions are unknown). */
  interruptRate: number | null;
};

export type SprintReport = {
  burn: BurnSeries;
  figures: SprintFigures;
  planning: PlanningAccuracy;
  capacity: CapacityAccuracy;
  carryover: CarryoverItem[];
  carryoverByReason: ReturnType<typeof carryoverByReason>;
};

export type ReportInput = BurnInput & {
  plannedCapacity: number | null;
  /** The issues as last seen, for carryover statuses: the close snapshot's, or for a running sprint the latest known. */
  latestItems?: ReportItem[];
};

const round = (value: number) => Math.round(value * 10) / 10;
const sum = (values: number[]) => round(values.reduce((total, value) => total + value, 0));

export function sprintReport(input: ReportInput): SprintReport {
  const burn = burnSeries(input);
  const latest = input.latestItems ?? input.final ?? input.committed ?? [];
  const left = carryover(burn.outcomes, latest);
  const done = burn.outcomes.filter((o) => o.inScope && o.done);
  const addedPoints = sum(burn.days.map((d) => d.added));
  const figures: SprintFigures = {
    committedPoints: burn.committedPoints,
    committedIssues: burn.committedIssues,
    completedPoints: sum(done.map((o) => o.points ?? 0)),
    completedIssues: done.length,
    addedPoints,
    removedPoints: sum(burn.days.map((d) => d.removed)),
    reestimatedPoints: sum(burn.days.map((d) => d.estimated)),
    carryoverPoints: sum(left.map((item) => item.points ?? 0)),
    carryoverIssues: left.length,
    interruptRate:
      burn.basis === "tracked" && burn.committedPoints > 0
        ? Math.round((addedPoints / burn.committedPoints) * 1000) / 1000
        : null,
  };
  return {
    burn,
    figures,
    planning: planningAccuracy(burn.outcomes),
    capacity: capacityAccuracy(figures.completedPoints, input.plannedCapacity),
    carryover: left,
    carryoverByReason: carryoverByReason(left),
  };
}

/** A sprint's planning and capacity accuracy next to the median of the team's previous sprints. */
export type AgainstHistory = {
  sprints: number;
  planningAccuracy: { sprint: number | null; median: number | null };
  capacityAccuracy: { sprint: number | null; median: number | null; sprintsWithCapacity: number };
  velocity: { sprint: number; median: number | null };
};

export function againstHistory(report: SprintReport, previous: SprintReport[]): AgainstHistory {
  const capacities = previous.map((r) => (r.capacity.known ? r.capacity.ratio : null));
  return {
    sprints: previous.length,
    planningAccuracy: { sprint: report.planning.points, median: median(previous.map((r) => r.planning.points)) },
    capacityAccuracy: {
      sprint: report.capacity.known ? report.capacity.ratio : null,
      median: median(capacities),
      sprintsWithCapacity: capacities.filter((c) => c !== null).length,
    },
    velocity: {
      sprint: report.figures.completedPoints,
      median: median(previous.map((r) => r.figures.completedPoints)),
    },
  };
}
