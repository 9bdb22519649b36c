import { describe, expect, it } from "vitest";
import { releaseHealth } from "./release-health";
import { DEFAULT_RELEASE_HEALTH_SETTINGS } from "./settings";
import type { ReleaseInput } from "./types";

const release = (
  version: string,
  dateReleased: string | null,
  totalSessions = 10_000,
  crashedSessions = 0,
): ReleaseInput => ({
  version,
  dateReleased,
  totalSessions,
  crashedSessions,
  totalUsers: totalSessions / 10,
  crashedUsers: crashedSessions / 10,
  adoptionPercent: null,
  newIssues: 0,
});

const health = (releases: ReleaseInput[], settings = DEFAULT_RELEASE_HEALTH_SETTINGS) =>
  releaseHealth(releases, settings);

describe("releaseHealth ordering", () => {
  it("puts the newest release first and undated ones last", () => {
    const result = health([
      release("1.0.0", "2026-01-01T00:00:00Z"),
      release("next", null),
      release("1.2.0", "2026-03-01T00:00:00Z"),
      release("1.1.0", "2026-02-01T00:00:00Z"),
    ]);
    expect(result.map((r) => r.version)).toEqual(["1.2.0", "1.1.0", "1.0.0", "next"]);
  });

  it("breaks ties on the same date and among undated releases by version, semver-aware", () => {
    const day = "2026-03-01T00:00:00Z";
    const result = health([
      release("2.9.0", day),
      release("2.10.0", day),
      release("3.0.0-rc.1", null),
      release("3.0.0", null),
      release("2.10.0-rc.1", day),
    ]);
    expect(result.map((r) => r.version)).toEqual(["2.10.0", "2.10.0-rc.1", "2.9.0", "3.0.0", "3.0.0-rc.1"]);
  });

  it("treats an unparseable date as undated", () => {
    expect(health([release("1.0.0", "soon"), release("0.9.0", "2026-01-01")]).map((r) => r.version)).toEqual([
      "0.9.0",
      "1.0.0",
    ]);
  });

  it("does not reorder the caller's array", () => {
    const input = [release("1.0.0", "2026-01-01"), release("2.0.0", "2026-02-01")];
    health(input);
    expect(input.map((r) => r.version)).toEqual(["1.0.0", "2.0.0"]);
  });
});

describe("releaseHealth rates", () => {
  it("keeps the input and adds crash-free sessions and users", () => {
    const [result] = health([
      {
        ...release("1.0.0", "2026-01-01", 3, 1),
        erroredSessions: 2,
        adoptionPercent: 12.5,
        newIssues: 4,
        totalUsers: 0,
        crashedUsers: 0,
      },
    ]);
    expect(result).toMatchObject({
      version: "1.0.0",
      erroredSessions: 2,
      adoptionPercent: 12.5,
      newIssues: 4,
      crashFreeSessions: 66.67,
      crashFreeUsers: null,
    });
  });
});

describe("releaseHealth regressions", () => {
  const pair = (newerCrashes: number, olderCrashes: number, newerSessions = 10_000, olderSessions = 10_000) =>
    health([
      release("2.0.0", "2026-02-01", newerSessions, newerCrashes),
      release("1.0.0", "2026-01-01", olderSessions, olderCrashes),
    ]);

  it("flags a drop of more than the threshold", () => {
    const [newer] = pair(180, 90); // 98.20% vs 99.10%
    expect(newer?.regression).toEqual({
      isRegression: true,
      comparedTo: "1.0.0",
      dropPoints: 0.9,
      reason: "crash-free sessions 98.20% vs 99.10% in 1.0.0 (−0.90 points)",
    });
  });

  it("does not flag a drop of exactly the threshold, even where floating point would exceed it", () => {
    expect(pair(180, 130)[0]?.regression).toEqual({
      isRegression: false,
      comparedTo: "1.0.0",
      dropPoints: 0.5,
      reason: null,
    }); // 98.20% vs 98.70%
    expect(pair(3602, 3552)[0]?.regression).toMatchObject({ isRegression: false, dropPoints: 0.5 }); // 63.98% vs 64.48%, 0.5000000000000071 apart in doubles
    expect(pair(181, 130)[0]?.regression.isRegression).toBe(true); // 98.19% → 0.51 points
  });

  it("reports improvements as a negative drop", () => {
    expect(pair(10, 100)[0]?.regression).toEqual({
      isRegression: false,
      comparedTo: "1.0.0",
      dropPoints: -0.9,
      reason: null,
    });
  });

  it.each([
    ["the newer release", 999, 10_000],
    ["the older release", 10_000, 999],
    ["both releases", 0, 0],
  ])("refuses to compare when %s has too few sessions", (_side, newerSessions, olderSessions) => {
    const [newer] = pair(500, 0, newerSessions, olderSessions);
    expect(newer?.regression).toEqual({
      isRegression: false,
      comparedTo: "1.0.0",
      dropPoints: null,
      reason: "not enough sessions to compare",
    });
  });

  it("compares at exactly the minimum sessions", () => {
    expect(pair(100, 0, 1000, 1000)[0]?.regression).toMatchObject({ isRegression: true, dropPoints: 10 });
  });

  it("has nothing to compare the oldest release with", () => {
    const result = health([release("1.0.0", "2026-01-01", 10_000, 9000)]);
    expect(result[0]?.regression).toEqual({ isRegression: false, comparedTo: null, dropPoints: null, reason: null });
    expect(pair(500, 0).at(-1)?.regression.comparedTo).toBeNull();
  });

  it("compares each release with the next older one", () => {
    const result = health([
      release("1.0.0", "2026-01-01", 10_000, 0),
      release("1.1.0", "2026-02-01", 10_000, 200),
      release("1.2.0", "2026-03-01", 10_000, 200),
    ]);
    expect(result.map((r) => [r.version, r.regression.comparedTo, r.regression.isRegression])).toEqual([
      ["1.2.0", "1.1.0", false],
      ["1.1.0", "1.0.0", true],
      ["1.0.0", null, false],
    ]);
  });

  it("uses the org's settings", () => {
    const strict = { regressionThresholdPoints: 0, minSessions: 10 };
    expect(pair(2, 1, 100, 100)[0]?.regression.isRegression).toBe(false);
    expect(
      health([release("2.0.0", "2026-02-01", 100, 2), release("1.0.0", "2026-01-01", 100, 1)], strict)[0]?.regression,
    ).toMatchObject({ isRegression: true, dropPoints: 1 });
  });

  it("returns nothing for no releases", () => {
    expect(health([])).toEqual([]);
  });
});
