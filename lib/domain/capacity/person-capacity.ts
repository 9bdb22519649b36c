import { toDayNumber } from "./dates";
import { roundTo } from "./round";
import { listWorkingDays } from "./working-days";

export type DateRange = { startsOn: string; endsOn: string };

export type PersonCapacityInput = {
  sprint: { startDate: string; endDate: string };
  /** Inclusive ranges; they may overlap each other or the sprint's edges. */
  timeOff: DateRange[];
  /** Inclusive ranges. */
  onCall: DateRange[];
  /** Share of the person's time given to this team, 0–100 (clamped). */
  allocationPercent: number;
  /** Focus factor: story points delivered per available person-day. */
  pointsPerDay: number;
};

export type PersonCapacity = {
  workingDays: number;
  daysOff: number;
  onCallDays: number;
  availableDays: number;
  capacityPoints: number;
};

/**
 * Capacity of one person for one sprint. Only sprint working days count (see
 * `workingDays`). A day both off and on call counts as off. An on-call day is
 * half a day of sprint work: the rotation's pages and support questions take
 * about the other half, and counting it whole over-promises every rotation.
 * capacityPoints = availableDays × allocation × pointsPerDay, to one decimal.
 * A sprint longer than MAX_WALKED_DAYS throws DateRangeTooLongError.
 */
export function personCapacity({
  sprint,
  timeOff,
  onCall,
  allocationPercent,
  pointsPerDay,
}: PersonCapacityInput): PersonCapacity {
  const sprintDays = listWorkingDays(sprint.startDate, sprint.endDate);
  const off = daysWithin(sprintDays, timeOff);
  const onCallDays = [...daysWithin(sprintDays, onCall)].filter((day) => !off.has(day)).length;
  const availableDays = sprintDays.length - off.size - onCallDays / 2;
  const allocation = Math.min(100, Math.max(0, allocationPercent)) / 100;
  return {
    workingDays: sprintDays.length,
    daysOff: off.size,
    onCallDays,
    availableDays,
    capacityPoints: roundTo(availableDays * allocation * pointsPerDay, 1),
  };
}

/** The sprint days covered by any of the ranges; a set, so overlapping ranges count once. */
function daysWithin(sprintDays: number[], ranges: DateRange[]): Set<number> {
  const bounds = ranges.map((range) => [toDayNumber(range.startsOn), toDayNumber(range.endsOn)] as const);
  return new Set(sprintDays.filter((day) => bounds.some(([first, last]) => first <= day && day <= last)));
}
