export { attentionTotal, countWritesByState, isAllClear, type AttentionCounts } from "./attention";
export { oldestFreshness, type PanelFreshness } from "./freshness";
export { isBreaking, isRegressed, pickBreakingIssues, type BreakingCandidate } from "./issues";
export { latestReleaseSummaries, type CrashFreeFigure, type ReleaseSummary } from "./releases";
export { sparklineShape, summarizeTrend, type SparklineBox, type SparklineShape, type TrendSummary } from "./sparkline";
export {
  compareSprintRows,
  daysLeft,
  isSprintAtRisk,
  sprintRows,
  toSprintRow,
  type BurndownDay,
  type SprintLoad,
  type SprintRow,
} from "./sprints";
