import type { RegressionMetric } from "@/lib/domain/performance";

/*
 * The metrics a performance-regression rule can watch, with their names. Plain data with no schema, so the rule
 * form's client bundle can show them.
 */

/** The scorecard metrics a performance regression is judged on (see lib/domain/performance/regressions.ts). */
export const PERFORMANCE_REGRESSION_METRICS = [
  "lcpP75",
  "inpP75",
  "apiP95",
] as const satisfies readonly RegressionMetric[];

export const PERFORMANCE_METRIC_NAMES: Record<RegressionMetric, string> = {
  lcpP75: "p75 LCP",
  inpP75: "p75 INP",
  apiP95: "p95 API latency",
};
