import { describe, expect, it } from "vitest";
import type { PerformanceRegression, ReleaseScorecard } from "@/lib/domain/performance";
import { releaseRegressionNotices } from "./release-regressions";

const NOW = new Date("2026-12-03T12:00:00Z");

function card(version: string, daysAgo: number, changes: Partial<ReleaseScorecard> = {}): ReleaseScorecard {
  return {
    version,
    dateReleased: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
    comparedTo: null,
    metrics: [],
    crashRegression: { isRegression: false, reason: null },
    performanceRegressions: [],
    isRegression: false,
    reasons: [],
    ...changes,
  };
}

const lcp: PerformanceRegression = {
  metric: "lcpP75",
  version: "2.14.0",
  comparedTo: "2.13.0",
  value: 2900,
  previous: 2300,
  changePercent: 26.1,
  samples: 41_000,
  previousSamples: 39_000,
  reason: "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads",
};

describe("release regression notices", () => {
  it("tells a crash-free and a performance regression of a new release apart, each in the scorecard's words", () => {
    const notices = releaseRegressionNotices(
      [
        card("2.14.0", 2, {
          comparedTo: "2.13.0",
          crashRegression: {
            isRegression: true,
            reason: "crash-free sessions 95.00% vs 99.50% in 2.13.0 (−4.50 points)",
          },
          performanceRegressions: [lcp],
          isRegression: true,
        }),
        card("2.13.0", 9),
      ],
      NOW,
    );
    expect(notices).toEqual([
      {
        version: "2.14.0",
        kind: "crash_free",
        dedupeKey: "release_regression:2.14.0:crash_free",
        title: "Release 2.14.0 crashes more against 2.13.0",
        body: "crash-free sessions 95.00% vs 99.50% in 2.13.0 (−4.50 points).",
      },
      {
        version: "2.14.0",
        kind: "performance",
        dedupeKey: "release_regression:2.14.0:performance",
        title: "Release 2.14.0 is slower against 2.13.0",
        body: "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads.",
      },
    ]);
  });

  it("says nothing of healthy releases, of releases older than the newest three, or of ones released over a month ago", () => {
    const regressed = (version: string, daysAgo: number) =>
      card(version, daysAgo, { performanceRegressions: [{ ...lcp, version }], isRegression: true });
    const cards = [card("5.0.0", 1), regressed("4.0.0", 31), card("3.0.0", 40), regressed("2.0.0", 3)];
    expect(releaseRegressionNotices(cards, NOW)).toEqual([]);
    expect(releaseRegressionNotices([card("1.0.0", 1, { isRegression: true, dateReleased: null })], NOW)).toEqual([]);
  });
});
