/**
 * Calendar days of instants in a time zone (IANA name; "UTC" when the org has none), as YYYY-MM-DD, and walks
 * over them. Pure: the zone's rules come from Intl, not the machine's clock or zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The day an instant falls on in `timeZone`; an unknown zone throws a RangeError (Intl's) rather than guess. */
export function dayIn(instant: string | number | Date, timeZone = "UTC"): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const DAY_MS = 86_400_000;
const toUtcMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Every day from `first` to `last` inclusive (empty when last is before first), at most `limit` of them. */
export function daysBetween(first: string, last: string, limit = 366): string[] {
  const days: string[] = [];
  for (let ms = toUtcMs(first); ms <= toUtcMs(last) && days.length < limit; ms += DAY_MS)
    days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

/** Saturday and Sunday are not working days (the ideal line stays flat over them, as Jira's guideline does). */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(toUtcMs(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}
