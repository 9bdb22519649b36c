/**
 * Calendar days as whole numbers (days since 1970-01-01, UTC), so ranges can be
 * compared and walked without time zones or daylight saving getting involved.
 */
const DAY_MS = 86_400_000;

export function toDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC quietly rolls 2026-02-30 over into March and 2026-13-01 into 2027; a typo must not shift a sprint.
  if (!match || new Date(ms).getUTCDate() !== Number(match[3]) || new Date(ms).getUTCMonth() !== Number(match[2]) - 1)
    throw new RangeError(`Expected a date like 2026-11-24, got "${isoDate}"`);
  return ms / DAY_MS;
}

export function isWeekday(dayNumber: number): boolean {
  // 1970-01-01 was a Thursday: day 0 is weekday 4 (Sunday = 0).
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}
