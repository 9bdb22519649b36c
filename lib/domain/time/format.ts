import { formatRelative } from "./relative";
import type { DisplayZone } from "./zone";

const DAY = 86_400_000;

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
