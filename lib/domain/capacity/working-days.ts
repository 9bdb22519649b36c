import { walkableRange } from "./date-limits";
import { isWeekday } from "./dates";

/**
 * Weekdays d with start <= d < end. A sprint's end date is the day it closes
 * (review, then the next sprint starts), so that day is not planned work; this
 * also makes back-to-back sprints share no day. Public holidays are time off.
 */
export function workingDays(startDate: string, endDate: string): number {
  return listWorkingDays(startDate, endDate).length;
}

/**
 * Day numbers of the weekdays in [startDate, endDate). Throws
 * DateRangeTooLongError past MAX_WALKED_DAYS rather than walk the range.
 */
export function listWorkingDays(startDate: string, endDate: string): number[] {
  const [fromDay, untilDay] = walkableRange(startDate, endDate);
  const days: number[] = [];
  for (let day = fromDay; day < untilDay; day++) if (isWeekday(day)) days.push(day);
  return days;
}
