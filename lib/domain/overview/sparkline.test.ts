import { describe, expect, it } from "vitest";
import { sparklineShape, summarizeTrend } from "./sparkline";

const box = { width: 104, height: 24, padding: 2 };

describe("sparklineShape", () => {
  it("spreads the values across the box, the largest at the top and 0 at the bottom", () => {
    expect(sparklineShape([0, 5, 10], box)).toEqual({ points: "2,22 52,12 102,2", max: 10 });
  });

  it("scales to a shared maximum when given one, clamping what is above it", () => {
    expect(sparklineShape([0, 20], box, 10).points).toBe("2,22 102,2");
    expect(sparklineShape([5], box, 10)).toEqual({ points: "2,12 102,12", max: 10 });
  });

  it("draws a flat zero line on the bottom and nothing for no values", () => {
    expect(sparklineShape([0, 0, 0], box)).toEqual({ points: "2,22 52,22 102,22", max: 1 });
    expect(sparklineShape([], box)).toEqual({ points: "", max: 1 });
  });

  it("keeps negative values on the bottom line", () => {
    expect(sparklineShape([-3, 4], box).points).toBe("2,22 102,2");
  });
});

describe("summarizeTrend", () => {
  it("gives the first, last and peak value and the direction", () => {
    expect(summarizeTrend([40, 44, 30, 12])).toEqual({ first: 40, last: 12, peak: 44, direction: "falling" });
    expect(summarizeTrend([1, 9])).toMatchObject({ direction: "rising" });
    expect(summarizeTrend([3, 7, 3])).toMatchObject({ direction: "flat", peak: 7 });
  });

  it("has nothing to say about no values", () => {
    expect(summarizeTrend([])).toBeNull();
  });
});
