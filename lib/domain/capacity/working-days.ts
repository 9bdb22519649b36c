import { isWeekday, toDayNumber } from "./dates";

/**
 * Weekdays d with start <= d < end. A sprint's end date is the day it closes
 * (review, then the next sprint starts), so that day is not planned work; this
 * also makes back-to-back sprints share no day. Public holidays are time off.
 */
export function workingDays(startDate: string, endDate: string): number {
  return listWorkingDays(toDayNumber(startDate), toDayNumber(endDate)).length;
}

/** Day numbers of the weekdays in [fromDay, untilDay). */
export function listWorkingDays(fromDay: number, untilDay: number): number[] {
  const days: number[] = [];
  for (let day = fromDay; day < untilDay; day++) if (isWeekday(day)) days.push(day);
  return days;
}
