import { instantOfWallClock, wallClockAt } from "./time-zone";

/** The weekly digest goes on Monday at 08:00 on the person's clock. */
export const DIGEST_WEEKDAY = 1;
export const DIGEST_HOUR = 8;
/** A digest missed (Bosun was down) still goes later that Monday, but not on a later day. */
export const DIGEST_GRACE_MS = 12 * 60 * 60_000;

/** The most recent Monday 08:00 in `timeZone` at or before `now`, as an instant. */
export function latestDigestSlot(now: Date, timeZone: string): Date {
  const wall = wallClockAt(now, timeZone);
  const daysBack = (wall.weekday - DIGEST_WEEKDAY + 7) % 7;
  // Calendar arithmetic on the local date, in UTC so no zone shifts the day.
  const monday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - daysBack));
  const at = (date: Date) =>
    instantOfWallClock(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: DIGEST_HOUR,
        minute: 0,
      },
      timeZone,
    );
  const slot = at(monday);
  if (slot.getTime() <= now.getTime()) return slot;
  // Monday before 08:00: the slot is last week's.
  return at(new Date(monday.getTime() - 7 * 24 * 60 * 60_000));
}

/** The next Monday 08:00 in `timeZone` strictly after `now`. */
export function nextDigestSlot(now: Date, timeZone: string): Date {
  const latest = latestDigestSlot(now, timeZone);
  const wall = wallClockAt(latest, timeZone);
  const nextMonday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 7));
  return instantOfWallClock(
    {
      year: nextMonday.getUTCFullYear(),
      month: nextMonday.getUTCMonth() + 1,
      day: nextMonday.getUTCDate(),
      hour: DIGEST_HOUR,
      minute: 0,
    },
    timeZone,
  );
}

/**
 * Whether this week's digest is due for a person now: its slot has come, within the grace, it has not gone
 * yet, and Bosun knew the person (`knownSince`: their preferences were stored) before the slot — someone who
 * first shows up on a Monday morning gets their first digest the Monday after.
 */
export function isDigestDue({
  now,
  timeZone,
  lastDigestAt,
  knownSince,
}: {
  now: Date;
  timeZone: string;
  lastDigestAt: Date | null;
  knownSince: Date;
}): boolean {
  const slot = latestDigestSlot(now, timeZone);
  if (now.getTime() - slot.getTime() > DIGEST_GRACE_MS) return false;
  if (knownSince.getTime() > slot.getTime()) return false;
  return !lastDigestAt || lastDigestAt.getTime() < slot.getTime();
}
