import { describe, expect, it } from "vitest";
import type { ReleaseScorecard, ScorecardMetric } from "@/lib/domain/performance";
import { latestReleaseSummaries } from "./releases";

const metric = (key: ScorecardMetric["key"], value: number | null, previous: number | null): ScorecardMetric => ({
  key,
  label: key,
  unit: "percent",
  value,
  previous,
  change: value !== null && previous !== null ? Math.round((value - previous) * 100) / 100 : null,
  changePercent: null,
  trend:
    value === null || previous === null ? null : value < previous ? "worse" : value > previous ? "better" : "unchanged",
});

const scorecard = (
  version: string,
  dateReleased: string | null,
  fields: Partial<ReleaseScorecard> = {},
): ReleaseScorecard => ({
  version,
  dateReleased,
  comparedTo: null,
  metrics: [metric("crashFreeSessions", 99.5, 99.4), metric("crashFreeUsers", 99.8, 99.9), metric("newIssues", 3, 1)],
  crashRegression: { isRegression: false, reason: null },
  performanceRegressions: [],
  isRegression: false,
  reasons: [],
  ...fields,
});

describe("latestReleaseSummaries", () => {
  it("keeps the newest releases by release date, whatever order they came in", () => {
    const summaries = latestReleaseSummaries(
      [
        scorecard("2.12.0", "2026-10-01T00:00:00Z"),
        scorecard("2.15.0", "2026-11-30T00:00:00Z"),
        scorecard("2.13.0", "2026-10-20T00:00:00Z"),
        scorecard("2.14.0", "2026-11-12T00:00:00Z"),
        scorecard("draft", null),
      ],
      3,
    );
    expect(summaries.map((s) => s.version)).toEqual(["2.15.0", "2.14.0", "2.13.0"]);
  });

  it("carries the crash-free figures with their change and the regression flag with its reasons", () => {
    const [summary] = latestReleaseSummaries(
      [
        scorecard("2.14.0", "2026-11-12T00:00:00Z", {
          comparedTo: "2.13.0",
          metrics: [metric("crashFreeSessions", 97.1, 99.4), metric("crashFreeUsers", 98, 99)],
          isRegression: true,
          reasons: ["crash-free sessions 97.10% vs 99.40% in 2.13.0"],
        }),
      ],
      3,
    );
    expect(summary).toEqual({
      version: "2.14.0",
      dateReleased: "2026-11-12T00:00:00Z",
      comparedTo: "2.13.0",
      crashFreeSessions: { value: 97.1, previous: 99.4, change: -2.3, trend: "worse" },
      crashFreeUsers: { value: 98, previous: 99, change: -1, trend: "worse" },
      isRegression: true,
      reasons: ["crash-free sessions 97.10% vs 99.40% in 2.13.0"],
    });
  });

  it("shows a figure the scorecard lacks as unknown", () => {
    const [summary] = latestReleaseSummaries([scorecard("1.0.0", null, { metrics: [] })], 1);
    expect(summary?.crashFreeSessions).toEqual({ value: null, previous: null, change: null, trend: null });
  });
});
