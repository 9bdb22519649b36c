import type { ReleaseScorecard, ScorecardMetric } from "@/lib/domain/performance";

/**
 * The Overview's "how are the latest releases doing?": the newest releases' crash-free figures against the release
 * before each, and whether the scorecard flags a regression. Pure.
 */
export type CrashFreeFigure = Pick<ScorecardMetric, "value" | "previous" | "change" | "trend">;

export type ReleaseSummary = {
  version: string;
  dateReleased: string | null;
  comparedTo: string | null;
  crashFreeSessions: CrashFreeFigure;
  crashFreeUsers: CrashFreeFigure;
  isRegression: boolean;
  reasons: string[];
};

const UNKNOWN: CrashFreeFigure = { value: null, previous: null, change: null, trend: null };

function figure(scorecard: ReleaseScorecard, key: ScorecardMetric["key"]): CrashFreeFigure {
  const metric = scorecard.metrics.find((m) => m.key === key);
  return metric
    ? { value: metric.value, previous: metric.previous, change: metric.change, trend: metric.trend }
    : UNKNOWN;
}

const releasedAt = (scorecard: ReleaseScorecard) =>
  scorecard.dateReleased ? Date.parse(scorecard.dateReleased) : Number.NEGATIVE_INFINITY;

/** The `count` most recently released, newest first (a release without a date counts as the oldest). */
export function latestReleaseSummaries(scorecards: readonly ReleaseScorecard[], count: number): ReleaseSummary[] {
  return [...scorecards]
    .sort((a, b) => releasedAt(b) - releasedAt(a))
    .slice(0, count)
    .map((scorecard) => ({
      version: scorecard.version,
      dateReleased: scorecard.dateReleased,
      comparedTo: scorecard.comparedTo,
      crashFreeSessions: figure(scorecard, "crashFreeSessions"),
      crashFreeUsers: figure(scorecard, "crashFreeUsers"),
      isRegression: scorecard.isRegression,
      reasons: scorecard.reasons,
    }));
}
