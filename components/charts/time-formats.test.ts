import { describe, expect, it } from "vitest";
import { chartTimeFormats } from "./time-formats";

const HOUR = 3_600_000;
const start = Date.UTC(2026, 10, 27);
const times = (step: number, count: number) => Array.from({ length: count }, (_, i) => start + i * step);

describe("chartTimeFormats", () => {
  it("words a day's hourly chart in hours on the axis, and each point by date and hour", () => {
    const { formatTime, formatPointTime } = chartTimeFormats(times(HOUR, 24));
    expect(formatTime(start + 6 * HOUR)).toBe("06:00");
    expect(formatPointTime(start + 6 * HOUR)).toBe("Nov 27, 06:00");
  });

  it("keeps a week's axis to dates but names each 6-hour point by its hour, so no two read alike", () => {
    const { formatTime, formatPointTime } = chartTimeFormats(times(6 * HOUR, 28));
    expect(formatTime(start + 18 * HOUR)).toBe("Nov 27");
    const labels = times(6 * HOUR, 28).map(formatPointTime);
    expect(new Set(labels).size).toBe(28);
    expect(labels[3]).toBe("Nov 27, 18:00");
  });

  it("words daily points by date alone", () => {
    const { formatTime, formatPointTime } = chartTimeFormats(times(24 * HOUR, 30));
    expect(formatTime(start)).toBe("Nov 27");
    expect(formatPointTime(start)).toBe("Nov 27");
  });
});
