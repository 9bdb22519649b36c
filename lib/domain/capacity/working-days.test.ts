import { describe, expect, it } from "vitest";
import { workingDays } from "./working-days";

describe("workingDays", () => {
  it("counts weekdays from the start up to, not including, the end", () => {
    expect(workingDays("2026-03-02", "2026-03-16")).toBe(10); // Monday to the Monday two weeks on
    expect(workingDays("2026-03-02", "2026-03-13")).toBe(9); // ends on a Friday: that Friday is not worked
    expect(workingDays("2026-03-02", "2026-03-03")).toBe(1);
  });

  it("skips weekends wherever the sprint starts", () => {
    expect(workingDays("2026-03-07", "2026-03-09")).toBe(0); // Saturday to Monday
    expect(workingDays("2026-03-06", "2026-03-10")).toBe(2); // Friday to Tuesday
    expect(workingDays("1969-12-29", "1970-01-05")).toBe(5); // before day zero too
  });

  it("is zero for empty or inverted ranges", () => {
    expect(workingDays("2026-03-02", "2026-03-02")).toBe(0);
    expect(workingDays("2026-03-16", "2026-03-02")).toBe(0);
  });

  it("refuses malformed and impossible dates", () => {
    expect(() => workingDays("2026-3-2", "2026-03-16")).toThrow(RangeError);
    expect(() => workingDays("2026-02-30", "2026-03-16")).toThrow(/2026-02-30/);
    expect(() => workingDays("2026-03-02", "2026-13-01")).toThrow(/2026-13-01/);
  });

  it("finding 10 (sprint dates): refuses a range longer than a year with a clear error", () => {
    expect(() => workingDays("1000-01-01", "9999-12-28")).toThrow(
      /The range 1000-01-01 to 9999-12-28 is longer than 366 days/,
    );
    expect(workingDays("2026-01-05", "2027-01-06")).toBe(262); // 366 days: the longest walked
  });
});
