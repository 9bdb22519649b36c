import { describe, expect, it } from "vitest";
import { formatChangePercent, formatCount } from "./format";

describe("formatCount", () => {
  it.each([
    [812, "812"],
    [1000, "1k"],
    [1234, "1.2k"],
    [41_250, "41k"],
    [999_499, "999k"],
    [1_320_000, "1.3M"],
  ])("%d reads %s", (count, text) => expect(formatCount(count)).toBe(text));
});

describe("formatChangePercent", () => {
  it("signs whole percents", () => {
    expect(formatChangePercent(26.1)).toBe("+26%");
    expect(formatChangePercent(-4.4)).toBe("−4%");
    expect(formatChangePercent(0)).toBe("+0%");
  });
});
