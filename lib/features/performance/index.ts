/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { listUserFeedback, type UserFeedback, type UserFeedbackList } from "./feedback";
export { getPerformanceSettings } from "./settings";
export {
  performanceSettingsInputSchema,
  savePerformanceSettings,
  type PerformanceSettingsChange,
} from "./save-settings";
export { loadReleaseScorecards, type ReleaseScorecards, type ScorecardCheck } from "./scorecards";
export type {
  PerformanceRegression,
  PerformanceSettings,
  ReleaseScorecard,
  ScorecardMetric,
  ScorecardMetricKey,
} from "@/lib/domain/performance";
export {
  loadPerformancePage,
  PERFORMANCE_PERIODS,
  type PanelRead,
  type PerformancePage,
  type PerformancePageFilters,
  type PerformancePeriod,
} from "./page";
export type { PerformanceSeries, SeriesPoint, VitalSummary } from "@/lib/integrations/sentry/performance-types";
