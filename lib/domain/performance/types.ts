/** What Sentry's spans say about one release: the samples behind each figure travel with it. */
export type ReleasePerformance = {
  version: string;
  /** p75 LCP in ms over the release's page loads; `samples` = page loads that measured LCP. */
  lcp: { p75: number | null; samples: number };
  /** p75 INP in ms over the release's interactions; `samples` = interactions that measured INP. */
  inp: { p75: number | null; samples: number };
  /** Server transactions (`transaction.op:http.server`): p95 duration in ms, failure rate 0–1, count. */
  api: { p95: number | null; failureRate: number | null; transactions: number };
};

export type RegressionMetric = "lcpP75" | "inpP75" | "apiP95";

/** One metric that got worse beyond its threshold, with enough samples on both sides. */
export type PerformanceRegression = {
  metric: RegressionMetric;
  version: string;
  comparedTo: string;
  value: number;
  previous: number;
  /** Relative change in percent, one decimal (positive = slower). */
  changePercent: number;
  samples: number;
  previousSamples: number;
  /** e.g. "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads". */
  reason: string;
};

export type ScorecardMetricKey =
  | "crashFreeSessions"
  | "crashFreeUsers"
  | "errorEventsPerSession"
  | "lcpP75"
  | "inpP75"
  | "apiP95"
  | "failureRate"
  | "newIssues"
  | "feedbackCount";

export type ScorecardMetric = {
  key: ScorecardMetricKey;
  label: string;
  /** percent: 0–100; ms: milliseconds; ratio: a plain number (events per session); count: a whole number. */
  unit: "percent" | "ms" | "ratio" | "count";
  value: number | null;
  previous: number | null;
  /** value − previous, null when either is missing. */
  change: number | null;
  /** Relative change in percent, one decimal; null when either is missing or previous is 0. */
  changePercent: number | null;
  /** Read with the metric's direction (higher crash-free is better, higher latency worse); null when not comparable. */
  trend: "better" | "worse" | "unchanged" | null;
};

/**
 * One release compared with the previous one (the next older release). `isRegression` is true for a crash-free
 * regression (release health's rule) or any performance regression; `reasons` says why in words.
 */
export type ReleaseScorecard = {
  version: string;
  dateReleased: string | null;
  comparedTo: string | null;
  metrics: ScorecardMetric[];
  crashRegression: { isRegression: boolean; reason: string | null };
  performanceRegressions: PerformanceRegression[];
  isRegression: boolean;
  reasons: string[];
};
