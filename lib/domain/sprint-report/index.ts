export { capacityAccuracy, median, planningAccuracy, type CapacityAccuracy, type PlanningAccuracy } from "./accuracy";
export {
  CLOSE_GRACE_MS,
  burnSeries,
  type BurnBasis,
  type BurnDay,
  type BurnInput,
  type BurnSeries,
  type ItemOutcome,
} from "./burn";
export {
  CARRYOVER_REASON_LABELS,
  carryover,
  carryoverByReason,
  carryoverReason,
  type CarryoverItem,
  type CarryoverReason,
} from "./carryover";
export { dayIn, daysBetween, isWorkingDay } from "./days";
export {
  againstHistory,
  sprintReport,
  type AgainstHistory,
  type ReportInput,
  type SprintFigures,
  type SprintReport,
} from "./report";
export { MAX_TREND_SPRINTS, sprintTrends, type SprintTrends, type TrendRow, type TrendSprint } from "./trends";
export type { ReportItem, ReportScopeChange, ReportSprint, ReportStatusCategory } from "./types";
