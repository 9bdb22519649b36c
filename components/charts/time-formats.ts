const DAY_MS = 86_400_000;
const date = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const hour = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/**
 * How a chart over evenly spaced times words them, in UTC as Sentry buckets: the axis (and a summary) in hours
 * within a day and dates beyond; each point (its label and table row) with its hour too when the points are
 * closer than a day, since a coarse axis label would name several points alike ("Nov 27" for four 6-hour points).
 */
export function chartTimeFormats(times: number[]): {
  formatTime: (time: number) => string;
  formatPointTime: (time: number) => string;
} {
  const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
  const step = times.length > 1 ? times[1]! - times[0]! : DAY_MS;
  return {
    formatTime: (time) => (span <= DAY_MS ? hour : date).format(new Date(time)),
    formatPointTime: (time) =>
      step < DAY_MS ? `${date.format(new Date(time))}, ${hour.format(new Date(time))}` : date.format(new Date(time)),
  };
}
