import { describe, expect, it } from "vitest";
import { bandShares, formatVital, rateVital, VITAL_THRESHOLDS, WEB_VITALS } from "./vitals";

describe("rateVital", () => {
  it.each([
    ["lcp", 2500, "good"],
    ["lcp", 2501, "needs-improvement"],
    ["lcp", 4000, "needs-improvement"],
    ["lcp", 4001, "poor"],
    ["inp", 200, "good"],
    ["inp", 201, "needs-improvement"],
    ["inp", 500, "needs-improvement"],
    ["inp", 501, "poor"],
    ["cls", 0.1, "good"],
    ["cls", 0.11, "needs-improvement"],
    ["cls", 0.25, "needs-improvement"],
    ["cls", 0.2501, "poor"],
    ["fcp", 1800, "good"],
    ["fcp", 3000, "needs-improvement"],
    ["fcp", 3001, "poor"],
    ["ttfb", 800, "good"],
    ["ttfb", 1800, "needs-improvement"],
    ["ttfb", 1801, "poor"],
  ] as const)("rates %s %d as %s (a value on a threshold belongs to the better band)", (vital, value, band) => {
    expect(rateVital(vital, value)).toBe(band);
  });

  it("uses web.dev's table for every vital", () => {
    expect(WEB_VITALS).toEqual(["lcp", "inp", "cls", "fcp", "ttfb"]);
    expect(VITAL_THRESHOLDS).toEqual({
      lcp: { good: 2500, poor: 4000 },
      inp: { good: 200, poor: 500 },
      cls: { good: 0.1, poor: 0.25 },
      fcp: { good: 1800, poor: 3000 },
      ttfb: { good: 800, poor: 1800 },
    });
  });
});

describe("bandShares", () => {
  it("splits the samples into good, needs improvement (the rest) and poor, in percent with one decimal", () => {
    expect(bandShares({ total: 1000, good: 700, poor: 100 })).toEqual({ good: 70, needsImprovement: 20, poor: 10 });
    expect(bandShares({ total: 3, good: 1, poor: 1 })).toEqual({ good: 33.3, needsImprovement: 33.3, poor: 33.3 });
  });

  it("is null without samples rather than 0% everywhere", () => {
    expect(bandShares({ total: 0, good: 0, poor: 0 })).toBeNull();
  });

  it("never reports more than the total when extrapolated counts overshoot it", () => {
    expect(bandShares({ total: 100, good: 104, poor: 3 })).toEqual({ good: 100, needsImprovement: 0, poor: 0 });
    expect(bandShares({ total: 100, good: 60, poor: 45 })).toEqual({ good: 60, needsImprovement: 0, poor: 40 });
  });
});

describe("formatVital", () => {
  it("shows seconds from one second, milliseconds below, and CLS without a unit", () => {
    expect(formatVital("lcp", 2934)).toBe("2.9 s");
    expect(formatVital("inp", 184.4)).toBe("184 ms");
    expect(formatVital("cls", 0.0412)).toBe("0.04");
  });
});
