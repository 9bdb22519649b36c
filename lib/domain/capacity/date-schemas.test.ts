import { describe, expect, it } from "vitest";
import { z } from "zod";
import { calendarDateSchema, checkAvailabilityDates, checkSprintDates } from "./date-schemas";

const sprint = z.object({ startDate: calendarDateSchema, endDate: calendarDateSchema }).superRefine(checkSprintDates);
const availability = z
  .object({ startsOn: calendarDateSchema, endsOn: calendarDateSchema })
  .superRefine(checkAvailabilityDates);
const issues = (result: { success: boolean; error?: z.ZodError }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("date schemas", () => {
  it("finding 10 (sprint dates): takes real dates in 2000 to 2100, and names what is wrong with any other", () => {
    expect(calendarDateSchema.safeParse("2026-12-07").success).toBe(true);
    expect(calendarDateSchema.safeParse("2000-01-01").success).toBe(true);
    expect(calendarDateSchema.safeParse("2100-12-31").success).toBe(true);
    expect(issues(calendarDateSchema.safeParse("1999-12-31"))).toEqual([": must be in the years 2000 to 2100"]);
    expect(issues(calendarDateSchema.safeParse("9999-12-28"))).toEqual([": must be in the years 2000 to 2100"]);
    expect(issues(calendarDateSchema.safeParse("2026-02-29"))).toEqual([": is not a date in the calendar"]);
    expect(issues(calendarDateSchema.safeParse("2026-13-01"))).toEqual([": is not a date in the calendar"]);
    expect(issues(calendarDateSchema.safeParse("7/12/2026"))).toEqual([": must be a date like 2026-12-07"]);
    expect(issues(calendarDateSchema.safeParse(20261207))).toEqual([": must be a date like 2026-12-07"]);
  });

  it("finding 10 (sprint dates): a sprint ends after it starts and at most 8 weeks later", () => {
    expect(sprint.safeParse({ startDate: "2026-03-02", endDate: "2026-03-03" }).success).toBe(true);
    expect(sprint.safeParse({ startDate: "2026-03-02", endDate: "2026-04-27" }).success).toBe(true); // exactly 56 days
    expect(issues(sprint.safeParse({ startDate: "2026-03-02", endDate: "2026-04-28" }))).toEqual([
      "endDate: a sprint can be at most 8 weeks long",
    ]);
    expect(issues(sprint.safeParse({ startDate: "2026-03-02", endDate: "2026-03-02" }))).toEqual([
      "endDate: must be after the start date",
    ]);
    expect(issues(sprint.safeParse({ startDate: "2026-03-13", endDate: "2026-03-02" }))).toEqual([
      "endDate: must be after the start date",
    ]);
  });

  it("finding 10 (sprint dates): out-of-range ends get their own messages, not a length", () => {
    expect(issues(sprint.safeParse({ startDate: "1000-01-01", endDate: "9999-12-28" }))).toEqual([
      "startDate: must be in the years 2000 to 2100",
      "endDate: must be in the years 2000 to 2100",
    ]);
    expect(issues(sprint.safeParse({ startDate: "2026-03-02", endDate: "soon" }))).toEqual([
      "endDate: must be a date like 2026-12-07",
    ]);
  });

  it("finding 10 (sprint dates): time off covers one day to a year, inclusive", () => {
    expect(availability.safeParse({ startsOn: "2026-03-02", endsOn: "2026-03-02" }).success).toBe(true);
    expect(availability.safeParse({ startsOn: "2028-01-01", endsOn: "2028-12-31" }).success).toBe(true); // 366 days, leap year
    expect(issues(availability.safeParse({ startsOn: "2026-01-01", endsOn: "2027-01-02" }))).toEqual([
      "endsOn: can be at most a year long; add another entry for longer",
    ]);
    expect(issues(availability.safeParse({ startsOn: "2026-01-05", endsOn: "2076-01-04" }))).toEqual([
      "endsOn: can be at most a year long; add another entry for longer",
    ]);
    expect(issues(availability.safeParse({ startsOn: "2026-03-02", endsOn: "2026-03-01" }))).toEqual([
      "endsOn: must not be before the start date",
    ]);
  });
});
