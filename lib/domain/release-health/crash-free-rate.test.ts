import { describe, expect, it } from "vitest";
import { crashFreeRate } from "./crash-free-rate";

describe("crashFreeRate", () => {
  it.each([
    [1000, 0, 100],
    [1000, 5, 99.5],
    [3, 1, 66.67],
    [3, 2, 33.33],
    [7, 1, 85.71],
    [200_000, 1, 99.99], // 99.9995 would round to 100
    [10_000, 1, 99.99],
    [1000, 1000, 0],
  ])("%i sessions with %i crashed → %d%%", (total, crashed, rate) => {
    expect(crashFreeRate(total, crashed)).toBe(rate);
  });

  it("is null without sessions", () => {
    expect(crashFreeRate(0, 0)).toBeNull();
    expect(crashFreeRate(0, 3)).toBeNull();
  });

  it("stays within 0–100 when the counts disagree", () => {
    expect(crashFreeRate(10, 12)).toBe(0);
    expect(crashFreeRate(10, -1)).toBe(100);
  });
});
