import type { DisplayZone } from "./zone";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago (or how far ahead) `at` is from `now`, in the largest unit that reads naturally: "just now",
 * "5 min ago", "2 h ago", "3 d ago", "4 mo ago", "2 y ago", or "in 3 d" for the future. Within 45 seconds either
 * way is "just now", so a clock a little ahead of the database does not print "in 1 min".
 */
export function formatRelative(at: Date, now: Date): string {
  const delta = now.getTime() - at.getTime();
  const distance = Math.abs(delta);
  if (distance < 45_000) return "just now";
  const amount = relativeAmount(distance);
  return delta > 0 ? `${amount} ago` : `in ${amount}`;
}

function relativeAmount(distance: number): string {
  if (distance < HOUR) return `${Math.max(1, Math.round(distance / MINUTE))} min`;
  if (distance < DAY) return `${Math.round(distance / HOUR)} h`;
  if (distance < 30 * DAY) return `${Math.round(distance / DAY)} d`;
  if (distance < 365 * DAY) return `${Math.round(distance / (30 * DAY))} mo`;
  return `${Math.round(distance / (365 * DAY))} y`;
}

/** Our own month names: runtimes' locale data differ ("Sep" or "Sept"), and server and browser must agree. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Parts = { year: string; month: string; day: string; hour: string; minute: string };

function partsIn(at: Date, zone: string): Parts {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const pick = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const month = MONTHS[Number(pick("month")) - 1] ?? "";
  return { year: pick("year"), month, day: String(Number(pick("day"))), hour: pick("hour"), minute: pick("minute") };
}

const zoneLabel = (zone: DisplayZone) => (zone.isFallback || zone.id === "UTC" ? " UTC" : "");

/**
 * The date and time in `zone`: "3 Dec 14:05", with the year when it is not `now`'s year there ("3 Dec 2025 14:05"),
 * and " UTC" appended when the times are in UTC, so a reader never mistakes them for local time.
 */
export function formatDateTime(at: Date, zone: DisplayZone, now: Date): string {
  const p = partsIn(at, zone.id);
  const year = p.year === partsIn(now, zone.id).year ? "" : ` ${p.year}`;
  return `${p.day} ${p.month}${year} ${p.hour}:${p.minute}${zoneLabel(zone)}`;
}

/** The calendar day in `zone`: "3 Dec 2026". Used where the time of day means nothing (sprint days). */
export function formatDay(at: Date, zone: DisplayZone): string {
  const p = partsIn(at, zone.id);
  return `${p.day} ${p.month} ${p.year}`;
}

/** The calendar day in `zone` as "2026-12-03", for comparing days across zones. */
export function dayKey(at: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );
}

/** Whole calendar days from `now`'s day to `end`'s day in `zone` (0 on the last day, negative once past). */
export function calendarDaysBetween(now: Date, end: Date, zone: string): number {
  const midnight = (key: string) => Date.parse(`${key}T00:00:00Z`);
  return Math.round((midnight(dayKey(end, zone)) - midnight(dayKey(now, zone))) / DAY);
}

/** Everything a timestamp shows: the relative phrase, the absolute time in the zone and the ISO instant. */
export function describeInstant(at: Date, zone: DisplayZone, now: Date) {
  return { iso: at.toISOString(), relative: formatRelative(at, now), absolute: formatDateTime(at, zone, now) };
}
