import { describe, expect, it } from "vitest";
import { DEFAULT_RELEASE_HEALTH_SETTINGS, releaseHealth, type ReleaseInput } from "../release-health";
import { buildReleaseScorecards } from "./scorecard";
import { DEFAULT_PERFORMANCE_SETTINGS } from "./settings";
import { releasePerformance } from "./test-support";

const base = { totalUsers: 1000, crashedUsers: 10, adoptionPercent: null };
const releases: ReleaseInput[] = [
  {
    ...base,
    version: "2.13.0",
    dateReleased: "2026-11-20T00:00:00Z",
    totalSessions: 10_000,
    crashedSessions: 50,
    newIssues: 3,
  },
  {
    ...base,
    version: "2.14.0",
    dateReleased: "2026-11-27T00:00:00Z",
    totalSessions: 8_000,
    crashedSessions: 400,
    newIssues: 9,
    crashedUsers: 80,
  },
  {
    ...base,
    version: "2.12.0",
    dateReleased: "2026-11-13T00:00:00Z",
    totalSessions: 10_000,
    crashedSessions: 60,
    newIssues: 2,
  },
];

function build(overrides: Partial<Parameters<typeof buildReleaseScorecards>[0]> = {}) {
  return buildReleaseScorecards({
    releases: releaseHealth(releases, DEFAULT_RELEASE_HEALTH_SETTINGS),
    performance: new Map([
      ["2.14.0", releasePerformance("2.14.0", { lcp: [2900, 41_000], failureRate: 0.025 })],
      ["2.13.0", releasePerformance("2.13.0", { lcp: [2300, 39_000], failureRate: 0.02 })],
      ["2.12.0", releasePerformance("2.12.0", { lcp: [2250, 30_000] })],
    ]),
    errorEvents: new Map([
      ["2.14.0", 4000],
      ["2.13.0", 1000],
    ]),
    feedback: new Map([
      ["2.14.0", 7],
      ["2.13.0", 0],
    ]),
    settings: DEFAULT_PERFORMANCE_SETTINGS,
    ...overrides,
  });
}

describe("buildReleaseScorecards", () => {
  it("compares each release with the next older one, newest first", () => {
    expect(build().map((s) => [s.version, s.comparedTo])).toEqual([
      ["2.14.0", "2.13.0"],
      ["2.13.0", "2.12.0"],
      ["2.12.0", null],
    ]);
  });

  it("flags a release for both a crash-free and a performance regression, with both reasons", () => {
    const [latest] = build();
    expect(latest?.isRegression).toBe(true);
    expect(latest?.crashRegression.isRegression).toBe(true);
    expect(latest?.performanceRegressions.map((r) => r.metric)).toEqual(["lcpP75"]);
    expect(latest?.reasons).toEqual([
      "crash-free sessions 95.00% vs 99.50% in 2.13.0 (−4.50 points)",
      "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads",
    ]);
  });

  it("reads every metric with its direction", () => {
    const [latest] = build();
    const byKey = Object.fromEntries((latest?.metrics ?? []).map((m) => [m.key, m]));
    expect(Object.keys(byKey)).toEqual([
      "crashFreeSessions",
      "crashFreeUsers",
      "errorEventsPerSession",
      "lcpP75",
      "inpP75",
      "apiP95",
      "failureRate",
      "newIssues",
      "feedbackCount",
    ]);
    expect(byKey.crashFreeSessions).toMatchObject({ value: 95, previous: 99.5, change: -4.5, trend: "worse" });
    expect(byKey.errorEventsPerSession).toMatchObject({
      value: 0.5,
      previous: 0.1,
      changePercent: 400,
      trend: "worse",
    });
    expect(byKey.lcpP75).toMatchObject({
      value: 2900,
      previous: 2300,
      changePercent: 26.1,
      unit: "ms",
      trend: "worse",
    });
    expect(byKey.inpP75).toMatchObject({ value: 180, previous: 180, change: 0, trend: "unchanged" });
    expect(byKey.failureRate).toMatchObject({ value: 2.5, previous: 2, unit: "percent", trend: "worse" });
    expect(byKey.newIssues).toMatchObject({ value: 9, previous: 3, trend: "worse" });
    expect(byKey.feedbackCount).toMatchObject({ value: 7, previous: 0, changePercent: null, trend: "worse" });
  });

  it("shows what Sentry could not say as unknown, not as zero, and compares nothing for the oldest release", () => {
    const [latest, , oldest] = build({ errorEvents: null, feedback: null, performance: new Map() });
    const metric = (key: string) => latest?.metrics.find((m) => m.key === key);
    expect(metric("errorEventsPerSession")).toMatchObject({ value: null, change: null, trend: null });
    expect(metric("feedbackCount")).toMatchObject({ value: null, trend: null });
    expect(build()[2]?.metrics.find((m) => m.key === "feedbackCount")?.value).toBeNull();
    expect(metric("lcpP75")).toMatchObject({ value: null, previous: null });
    expect(latest?.performanceRegressions).toEqual([]);
    expect(oldest?.metrics.every((m) => m.previous === null && m.trend === null)).toBe(true);
    expect(oldest?.isRegression).toBe(false);
  });
});
