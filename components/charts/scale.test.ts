import { describe, expect, it } from "vitest";
import { categoryTicks, niceCeiling, niceFloor, timeTicks, truncateLabel, valueTicks } from "./scale";

const utc = (iso: string) => Date.parse(iso);
const iso = (ticks: number[]) => ticks.map((t) => new Date(t).toISOString());

describe("niceCeiling", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(13)).toBe(20);
    expect(niceCeiling(21)).toBe(25);
    expect(niceCeiling(30)).toBe(50);
    expect(niceCeiling(0.27)).toBe(0.5);
    expect(niceCeiling(100)).toBe(100);
  });

  it("gives 1 for nothing to show", () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });
});

describe("valueTicks", () => {
  it("steps by round numbers from 0 to the top", () => {
    expect(valueTicks(0, 20)).toEqual([0, 5, 10, 15, 20]);
    expect(valueTicks(0, 25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(valueTicks(0, 50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(valueTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(valueTicks(0, 2.5)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
  });

  it("starts at a raised floor and prints without floating-point dust", () => {
    expect(valueTicks(95, 100)).toEqual([95, 96, 97, 98, 99, 100]);
    expect(valueTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(valueTicks(0, 0.7)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it("gives one tick for an empty range", () => {
    expect(valueTicks(3, 3)).toEqual([3]);
  });
});

describe("niceFloor", () => {
  it("zooms in on values near the top, by a round span", () => {
    expect(niceFloor(97.3, 100)).toBe(95);
    expect(niceFloor(99.95, 100)).toBe(99);
  });

  it("never goes below 0", () => {
    expect(niceFloor(10, 100)).toBe(0);
  });
});

describe("timeTicks", () => {
  it("puts a day of hourly buckets on whole 6-hour marks", () => {
    const ticks = timeTicks(utc("2026-12-02T08:30:00Z"), utc("2026-12-03T08:30:00Z"));
    expect(iso(ticks)).toEqual([
      "2026-12-02T12:00:00.000Z",
      "2026-12-02T18:00:00.000Z",
      "2026-12-03T00:00:00.000Z",
      "2026-12-03T06:00:00.000Z",
    ]);
  });

  it("puts 30 days on Mondays, a week apart", () => {
    const ticks = timeTicks(utc("2026-11-03T00:00:00Z"), utc("2026-12-03T00:00:00Z"));
    expect(iso(ticks)).toEqual([
      "2026-11-09T00:00:00.000Z",
      "2026-11-16T00:00:00.000Z",
      "2026-11-23T00:00:00.000Z",
      "2026-11-30T00:00:00.000Z",
    ]);
    expect(ticks.every((t) => new Date(t).getUTCDay() === 1)).toBe(true);
  });

  it("puts a week on midnights at most six times", () => {
    const ticks = timeTicks(utc("2026-11-26T10:00:00Z"), utc("2026-12-03T10:00:00Z"));
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.every((t) => new Date(t).getUTCHours() === 0)).toBe(true);
  });

  it("keeps every tick within the range", () => {
    const first = utc("2026-06-01T00:00:00Z");
    const last = utc("2026-12-01T00:00:00Z");
    const ticks = timeTicks(first, last);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.every((t) => t >= first && t <= last)).toBe(true);
  });

  it("gives the one time of a single point", () => {
    expect(timeTicks(5, 5)).toEqual([5]);
  });
});

describe("categoryTicks", () => {
  it("labels every category when they fit", () => {
    expect(categoryTicks(5, 8)).toEqual([0, 1, 2, 3, 4]);
  });

  it("labels every n-th so at most the limit show", () => {
    expect(categoryTicks(26, 6)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(categoryTicks(0)).toEqual([]);
  });
});

describe("truncateLabel", () => {
  it("cuts long labels with an ellipsis", () => {
    expect(truncateLabel("ACME Sprint 12 (hardening)", 14)).toBe("ACME Sprint 1…");
    expect(truncateLabel("Sprint 3")).toBe("Sprint 3");
  });
});
