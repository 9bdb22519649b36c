import { describe, expect, it } from "vitest";
import { calendarDaysBetween, describeInstant, formatDateTime, formatDay } from "./format";

const now = new Date("2026-12-03T14:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const berlin = { id: "Europe/Berlin", isFallback: false };
const MIN = 60_000;

describe("formatDateTime", () => {
  it("shows the wall-clock time in the viewer's zone", () => {
    expect(formatDateTime(new Date("2026-12-03T13:05:00Z"), berlin, now)).toBe("3 Dec 14:05");
    expect(formatDateTime(new Date("2026-07-01T13:05:00Z"), berlin, now)).toBe("1 Jul 15:05");
    expect(formatDateTime(new Date("2026-09-01T13:05:00Z"), berlin, now)).toBe("1 Sep 15:05");
  });

  it("adds the year when it differs from this year in that zone", () => {
    expect(formatDateTime(new Date("2025-12-03T13:05:00Z"), berlin, now)).toBe("3 Dec 2025 14:05");
  });

  it("crosses the date line with the zone: late UTC evening is the next morning in Tokyo", () => {
    expect(formatDateTime(new Date("2026-12-02T23:30:00Z"), { id: "Asia/Tokyo", isFallback: false }, now)).toBe(
      "3 Dec 08:30",
    );
  });

  it("labels UTC times, whether chosen or a fallback", () => {
    const at = new Date("2026-12-03T13:05:00Z");
    expect(formatDateTime(at, { id: "UTC", isFallback: true }, now)).toBe("3 Dec 13:05 UTC");
    expect(formatDateTime(at, { id: "UTC", isFallback: false }, now)).toBe("3 Dec 13:05 UTC");
  });
});

describe("formatDay and calendarDaysBetween", () => {
  it("gives the calendar day in the zone", () => {
    const lateUtc = new Date("2026-12-02T23:30:00Z");
    expect(formatDay(lateUtc, { id: "UTC", isFallback: false })).toBe("2 Dec 2026");
    expect(formatDay(lateUtc, { id: "Asia/Tokyo", isFallback: false })).toBe("3 Dec 2026");
  });

  it("counts whole days in the zone, not 24-hour spans", () => {
    const end = new Date("2026-12-05T01:00:00Z");
    expect(calendarDaysBetween(new Date("2026-12-03T23:00:00Z"), end, "UTC")).toBe(2);
    // In Los Angeles the end falls on 4 Dec evening, the start on 3 Dec afternoon.
    expect(calendarDaysBetween(new Date("2026-12-03T23:00:00Z"), end, "America/Los_Angeles")).toBe(1);
    expect(calendarDaysBetween(end, new Date("2026-12-03T12:00:00Z"), "UTC")).toBe(-2);
  });
});

describe("describeInstant", () => {
  it("returns the ISO instant, the relative phrase and the absolute time together", () => {
    expect(describeInstant(ago(2 * 60 * MIN), berlin, now)).toEqual({
      iso: "2026-12-03T12:00:00.000Z",
      relative: "2 h ago",
      absolute: "3 Dec 13:00",
    });
  });
});
