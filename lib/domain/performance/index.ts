export { apdex, apdexBounds } from "./apdex";
export { formatChangePercent, formatCount, formatDuration } from "./format";
export { detectRegressions } from "./regressions";
export {
  compareWithBefore,
  MIN_COMPARED_TRANSACTIONS,
  sortTransactions,
  TRANSACTION_SORTS,
  type RankedTransaction,
  type TransactionSort,
  type TransactionStats,
} from "./transactions";
export { buildReleaseScorecards, type ScorecardInputs } from "./scorecard";
export { DEFAULT_PERFORMANCE_SETTINGS, performanceSettingsSchema, type PerformanceSettings } from "./settings";
export {
  bandShares,
  formatVital,
  rateVital,
  VITAL_LABELS,
  VITAL_THRESHOLDS,
  WEB_VITALS,
  type BandCounts,
  type BandShares,
  type VitalBand,
  type WebVital,
} from "./vitals";
export type {
  PerformanceRegression,
  RegressionMetric,
  ReleasePerformance,
  ReleaseScorecard,
  ScorecardMetric,
  ScorecardMetricKey,
} from "./types";
