import { z } from "zod";
import { EARLIEST_YEAR, LATEST_YEAR, MAX_AVAILABILITY_DAYS, MAX_SPRINT_DAYS } from "./date-limits";
import { toDayNumber } from "./dates";

/**
 * Schemas for the dates people type: a real calendar date in a sane year, and
 * ranges of bounded length. Each refusal names its field, so forms and MCP
 * tools can point at it.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a YYYY-MM-DD string, or null when it is a date this schema accepts. */
function dateProblem(value: string): string | null {
  const year = Number(value.slice(0, 4));
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return `must be in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}`;
  try {
    toDayNumber(value);
    return null;
  } catch {
    return "is not a date in the calendar";
  }
}

/** The day number of a date this schema accepts, or null for anything else. */
function dayOf(value: unknown): number | null {
  return typeof value === "string" && ISO_DATE.test(value) && dateProblem(value) === null ? toDayNumber(value) : null;
}

/**
 * YYYY-MM-DD, a day that exists, in EARLIEST_YEAR to LATEST_YEAR. The format
 * stays a regex so that JSON Schema (what MCP clients see) carries it.
 */
export const calendarDateSchema = z
  .string({ error: "must be a date like 2026-12-07" })
  .regex(ISO_DATE, "must be a date like 2026-12-07")
  .superRefine((value, ctx) => {
    // A malformed value already has its message from the regex.
    const problem = ISO_DATE.test(value) ? dateProblem(value) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

type RangeRule = { from: string; until: string; minDays: number; maxDays: number; tooShort: string; tooLong: string };

/**
 * Checks a range inside an object schema, reporting at the `until` field. The
 * object's own fields may have failed already (zod still runs this), so a
 * range whose ends are not both valid dates is left to their own messages.
 */
function checkRange({ from, until, minDays, maxDays, tooShort, tooLong }: RangeRule) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const first = dayOf(value[from]);
    const last = dayOf(value[until]);
    if (first === null || last === null) return;
    const days = last - first;
    if (days < minDays) ctx.addIssue({ code: "custom", path: [until], message: tooShort });
    else if (days > maxDays) ctx.addIssue({ code: "custom", path: [until], message: tooLong });
  };
}

/** A sprint ends on the day it closes, after it starts, at most MAX_SPRINT_DAYS later. */
export const checkSprintDates = checkRange({
  from: "startDate",
  until: "endDate",
  minDays: 1,
  maxDays: MAX_SPRINT_DAYS,
  tooShort: "must be after the start date",
  tooLong: `a sprint can be at most ${MAX_SPRINT_DAYS / 7} weeks long`,
});

/** Time off and on call are inclusive ranges: one day at least, at most MAX_AVAILABILITY_DAYS. */
export const checkAvailabilityDates = checkRange({
  from: "startsOn",
  until: "endsOn",
  minDays: 0,
  maxDays: MAX_AVAILABILITY_DAYS - 1,
  tooShort: "must not be before the start date",
  tooLong: "can be at most a year long; add another entry for longer",
});
