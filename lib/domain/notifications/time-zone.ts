/**
 * Wall-clock arithmetic in IANA time zones with Intl only, so quiet hours and
 * the Monday digest follow each person's clock through DST changes.
 */

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The local date and time at `instant` in `timeZone`; weekday 0 is Sunday. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? "Sun"),
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const truncated = Math.floor(instant.getTime() / 60_000) * 60_000;
  return asUtc - truncated;
}

/**
 * The instant a local wall-clock time happens in `timeZone`. A time skipped by
 * a DST jump forward moves forward by the gap (02:30 becomes 03:30); a time
 * that happens twice (fall back) resolves to its first occurrence.
 */
export function instantOfWallClock(
  { year, month, day, hour, minute }: Omit<WallClock, "weekday">,
  timeZone: string,
): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle on the offset in force at the result, not at the naive guess.
  const first = naive - offsetMs(new Date(naive), timeZone);
  const second = naive - offsetMs(new Date(first), timeZone);
  if (second === first) {
    // Prefer the earlier of two valid instants (an hour that repeats).
    const earlier = first - 60 * 60_000;
    const wall = wallClockAt(new Date(earlier), timeZone);
    if (wall.hour === hour && wall.minute === minute && wall.day === day) return new Date(earlier);
    return new Date(first);
  }
  // In a skipped hour neither guess maps back; the later one is the time moved forward by the gap.
  return new Date(Math.max(first, second));
}
