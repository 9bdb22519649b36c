import { toDayNumber } from "./dates";

/**
 * How long the date ranges people type into Bosun may be. Every range turns
 * into a walk over its days somewhere (capacity, burndown, the Jira sprint it
 * creates), so an unbounded range is an unbounded amount of work per request.
 */

/** A sprint planned in Bosun: 8 weeks is already longer than any cadence teams keep. */
export const MAX_SPRINT_DAYS = 56;
/** One time-off or on-call entry; a longer absence is a change of allocation, or another entry. */
export const MAX_AVAILABILITY_DAYS = 366;
/** Dates people type fall in these years (inclusive): plenty of room for history and plans. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;
/**
 * The longest range the capacity functions walk day by day. Wider than
 * MAX_SPRINT_DAYS because sprints made in Jira itself reach them too.
 */
export const MAX_WALKED_DAYS = 366;

/** A range too long to walk: a caller's mistake, named, rather than minutes of looping. */
export class DateRangeTooLongError extends RangeError {
  constructor(
    readonly fromDate: string,
    readonly untilDate: string,
    readonly maxDays: number,
  ) {
    super(`The range ${fromDate} to ${untilDate} is longer than ${maxDays} days`);
    this.name = "DateRangeTooLongError";
  }
}

/** Days from one calendar date to another (negative when `until` comes first). */
export function daysBetween(from: string, until: string): number {
  return toDayNumber(until) - toDayNumber(from);
}

/** The day numbers of [from, until), refusing ranges longer than `maxDays` before walking any of them. */
export function walkableRange(from: string, until: string, maxDays = MAX_WALKED_DAYS): [number, number] {
  const fromDay = toDayNumber(from);
  const untilDay = toDayNumber(until);
  if (untilDay - fromDay > maxDays) throw new DateRangeTooLongError(from, until, maxDays);
  return [fromDay, untilDay];
}

/** Whether a range can be walked: for callers that skip such a range instead of failing. */
export function isWalkableRange(from: string, until: string, maxDays = MAX_WALKED_DAYS): boolean {
  return daysBetween(from, until) <= maxDays;
}
