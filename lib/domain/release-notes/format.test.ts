import { describe, expect, it } from "vitest";
import { countOf, formatCount, formatPercent } from "./format";

describe("formatCount", () => {
  it.each<[number, string]>([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [312794, "312,794"],
    [1234567.4, "1,234,567"],
    [-1500, "-1,500"],
    [Number.NaN, "0"],
  ])("formats %d as %s", (value, text) => {
    expect(formatCount(value)).toBe(text);
  });
});

describe("formatPercent", () => {
  it("rounds to the given decimals", () => {
    expect(formatPercent(97.5234, 2)).toBe("97.52%");
    expect(formatPercent(16.349, 1)).toBe("16.3%");
    expect(formatPercent(0, 2)).toBe("0.00%");
    expect(formatPercent(100, 2)).toBe("100.00%");
  });

  it("never rounds a rate with crashes up to 100", () => {
    expect(formatPercent(99.996, 2)).toBe("99.99%");
    expect(formatPercent(99.97, 1)).toBe("99.9%");
  });

  it("clamps values outside 0–100", () => {
    expect(formatPercent(101, 2)).toBe("100.00%");
    expect(formatPercent(-3, 1)).toBe("0.0%");
  });

  it("says no data for null and non-numbers", () => {
    expect(formatPercent(null, 2)).toBe("no data");
    expect(formatPercent(Number.NaN, 2)).toBe("no data");
    expect(formatPercent(Number.POSITIVE_INFINITY, 1)).toBe("no data");
  });
});

describe("countOf", () => {
  it("uses the singular for exactly one", () => {
    expect(countOf(1, "user")).toBe("1 user");
    expect(countOf(0, "user")).toBe("0 users");
    expect(countOf(2500, "event")).toBe("2,500 events");
  });
});
