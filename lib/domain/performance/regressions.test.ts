import { describe, expect, it } from "vitest";
import { detectRegressions } from "./regressions";
import { DEFAULT_PERFORMANCE_SETTINGS as DEFAULTS } from "./settings";
import { releasePerformance as release } from "./test-support";

describe("detectRegressions", () => {
  it("flags p75 LCP worse by more than 15% with enough page loads, and says why in words", () => {
    const found = detectRegressions(
      release("2.14.0", { lcp: [2900, 41_250] }),
      release("2.13.0", { lcp: [2300, 38_000] }),
      DEFAULTS,
    );
    expect(found).toEqual([
      {
        metric: "lcpP75",
        version: "2.14.0",
        comparedTo: "2.13.0",
        value: 2900,
        previous: 2300,
        changePercent: 26.1,
        samples: 41_250,
        previousSamples: 38_000,
        reason: "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads",
      },
    ]);
  });

  it("does not flag a change exactly at the threshold", () => {
    expect(detectRegressions(release("b", { lcp: [2300, 600] }), release("a", { lcp: [2000, 600] }), DEFAULTS)).toEqual(
      [],
    );
    expect(
      detectRegressions(release("b", { lcp: [2301, 600] }), release("a", { lcp: [2000, 600] }), DEFAULTS),
    ).toHaveLength(1);
  });

  it("needs the minimum samples on both sides", () => {
    const slower = { lcp: [3000, 500] as [number, number] };
    expect(detectRegressions(release("b", slower), release("a", { lcp: [2000, 499] }), DEFAULTS)).toEqual([]);
    expect(detectRegressions(release("b", { lcp: [3000, 499] }), release("a", { lcp: [2000, 500] }), DEFAULTS)).toEqual(
      [],
    );
    expect(detectRegressions(release("b", slower), release("a", { lcp: [2000, 500] }), DEFAULTS)).toHaveLength(1);
  });

  it("flags INP on the same rule, counting interactions", () => {
    const [found] = detectRegressions(release("b", { inp: [240, 9000] }), release("a", { inp: [200, 8000] }), DEFAULTS);
    expect(found).toMatchObject({ metric: "inpP75", changePercent: 20 });
    expect(found?.reason).toBe("p75 INP 240 ms vs 200 ms in a, +20%, 9k interactions");
  });

  it("flags p95 API latency only beyond 20% with 1,000 transactions on each side", () => {
    const before = release("a", { api: [500, 1000] });
    expect(detectRegressions(release("b", { api: [600, 5000] }), before, DEFAULTS)).toEqual([]);
    const [found] = detectRegressions(release("b", { api: [650, 5000] }), before, DEFAULTS);
    expect(found?.reason).toBe("p95 API latency 650 ms vs 500 ms in a, +30%, 5k transactions");
    expect(detectRegressions(release("b", { api: [650, 5000] }), release("a", { api: [500, 999] }), DEFAULTS)).toEqual(
      [],
    );
  });

  it("ignores improvements and metrics missing on either side", () => {
    expect(detectRegressions(release("b", { lcp: [1500, 9000] }), release("a"), DEFAULTS)).toEqual([]);
    expect(detectRegressions(release("b", { lcp: [null, 9000] }), release("a"), DEFAULTS)).toEqual([]);
    expect(detectRegressions(release("b", { lcp: [5000, 9000] }), release("a", { lcp: [0, 9000] }), DEFAULTS)).toEqual(
      [],
    );
  });

  it("follows the org's thresholds", () => {
    const settings = { ...DEFAULTS, vitalRegressionPercent: 30, minPageLoads: 10 };
    expect(detectRegressions(release("b", { lcp: [2900, 20] }), release("a", { lcp: [2300, 20] }), settings)).toEqual(
      [],
    );
    expect(
      detectRegressions(release("b", { lcp: [3100, 20] }), release("a", { lcp: [2300, 20] }), settings),
    ).toHaveLength(1);
  });
});
