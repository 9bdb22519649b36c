import type { ReleaseHealth } from "../release-health";
import { detectRegressions } from "./regressions";
import type { PerformanceSettings } from "./settings";
import type { ReleasePerformance, ReleaseScorecard, ScorecardMetric, ScorecardMetricKey } from "./types";

export type ScorecardInputs = {
  /** Release health, newest first, as `releaseHealth` returns it: the order decides which release is "previous". */
  releases: ReleaseHealth[];
  performance: ReadonlyMap<string, ReleasePerformance>;
  /** Error events per release; a release missing here (or a null map) shows the metric as unknown. */
  errorEvents: ReadonlyMap<string, number> | null;
  /** User feedback submissions per release; a release missing here (or a null map) was not counted. */
  feedback: ReadonlyMap<string, number> | null;
  settings: PerformanceSettings;
};

type MetricRule = {
  key: ScorecardMetricKey;
  label: string;
  unit: ScorecardMetric["unit"];
  higherIsBetter: boolean;
  read: (release: ReleaseHealth, inputs: ScorecardInputs) => number | null;
};

const METRICS: MetricRule[] = [
  {
    key: "crashFreeSessions",
    label: "Crash-free sessions",
    unit: "percent",
    higherIsBetter: true,
    read: (r) => r.crashFreeSessions,
  },
  {
    key: "crashFreeUsers",
    label: "Crash-free users",
    unit: "percent",
    higherIsBetter: true,
    read: (r) => r.crashFreeUsers,
  },
  {
    key: "errorEventsPerSession",
    label: "Error events per session",
    unit: "ratio",
    higherIsBetter: false,
    read: (r, { errorEvents }) => {
      const events = errorEvents?.get(r.version);
      if (events === undefined || !(r.totalSessions > 0)) return null;
      return Math.round((events / r.totalSessions) * 1000) / 1000;
    },
  },
  {
    key: "lcpP75",
    label: "p75 LCP",
    unit: "ms",
    higherIsBetter: false,
    read: (r, { performance }) => performance.get(r.version)?.lcp.p75 ?? null,
  },
  {
    key: "inpP75",
    label: "p75 INP",
    unit: "ms",
    higherIsBetter: false,
    read: (r, { performance }) => performance.get(r.version)?.inp.p75 ?? null,
  },
  {
    key: "apiP95",
    label: "p95 API latency",
    unit: "ms",
    higherIsBetter: false,
    read: (r, { performance }) => performance.get(r.version)?.api.p95 ?? null,
  },
  {
    key: "failureRate",
    label: "Failure rate",
    unit: "percent",
    higherIsBetter: false,
    read: (r, { performance }) => {
      const rate = performance.get(r.version)?.api.failureRate;
      return rate == null ? null : Math.round(rate * 10_000) / 100;
    },
  },
  { key: "newIssues", label: "New issues", unit: "count", higherIsBetter: false, read: (r) => r.newIssues },
  {
    key: "feedbackCount",
    label: "User feedback",
    unit: "count",
    higherIsBetter: false,
    read: (r, { feedback }) => feedback?.get(r.version) ?? null,
  },
];

/**
 * One scorecard per release, newest first, each comparing the release with the next older one: crash-free
 * sessions and users (and the crash regression) from release health, error events per session, p75 LCP/INP, p95
 * API latency and failure rate from Sentry's spans, new issues and user feedback — plus the performance
 * regressions `detectRegressions` finds, with their reasons.
 */
export function buildReleaseScorecards(inputs: ScorecardInputs): ReleaseScorecard[] {
  const { releases, performance, settings } = inputs;
  return releases.map((release, i) => {
    const previous = releases[i + 1];
    const metrics = METRICS.map((rule) => compareMetric(rule, release, previous, inputs));
    const current = performance.get(release.version);
    const before = previous ? performance.get(previous.version) : undefined;
    const performanceRegressions = current && before ? detectRegressions(current, before, settings) : [];
    const crashRegression = {
      isRegression: release.regression.isRegression,
      reason: release.regression.isRegression ? release.regression.reason : null,
    };
    const reasons = [
      ...(crashRegression.reason ? [crashRegression.reason] : []),
      ...performanceRegressions.map((r) => r.reason),
    ];
    return {
      version: release.version,
      dateReleased: release.dateReleased,
      comparedTo: previous?.version ?? null,
      metrics,
      crashRegression,
      performanceRegressions,
      isRegression: crashRegression.isRegression || performanceRegressions.length > 0,
      reasons,
    };
  });
}

function compareMetric(
  rule: MetricRule,
  release: ReleaseHealth,
  previous: ReleaseHealth | undefined,
  inputs: ScorecardInputs,
): ScorecardMetric {
  const value = rule.read(release, inputs);
  const before = previous ? rule.read(previous, inputs) : null;
  const comparable = value !== null && before !== null;
  const change = comparable ? round(value - before, 3) : null;
  const changePercent = comparable && before !== 0 ? round(((value - before) / Math.abs(before)) * 100, 1) : null;
  let trend: ScorecardMetric["trend"] = null;
  if (change !== null) trend = change === 0 ? "unchanged" : change > 0 === rule.higherIsBetter ? "better" : "worse";
  return { key: rule.key, label: rule.label, unit: rule.unit, value, previous: before, change, changePercent, trend };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
