import { wallClockAt } from "./time-zone";

const minutesOf = (clock: string) => {
  const [hours, minutes] = clock.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
};

/**
 * Whether `now` falls in the person's quiet hours, read on their own clock.
 * A window whose end is before its start runs over midnight (22:00–07:00).
 * The start is inside the window, the end is not.
 */
export function isInQuietHours({
  now,
  timeZone,
  quietStart,
  quietEnd,
}: {
  now: Date;
  timeZone: string;
  quietStart: string | null;
  quietEnd: string | null;
}): boolean {
  if (!quietStart || !quietEnd) return false;
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  if (start === end) return false;
  const wall = wallClockAt(now, timeZone);
  const current = wall.hour * 60 + wall.minute;
  return start < end ? current >= start && current < end : current >= start || current < end;
}
