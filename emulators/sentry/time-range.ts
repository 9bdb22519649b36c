import { BadRequest } from "./errors";
import { HOUR_MS } from "../seed/sentry-series";

/**
 * Sentry's period parameters: `statsPeriod` (e.g. 24h, 14d) or `start`/`end`
 * (ISO), and `interval` for bucketed series. Data is hourly, so intervals are
 * whole hours.
 */

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: HOUR_MS, d: 24 * HOUR_MS, w: 7 * 24 * HOUR_MS };

export type TimeRange = { startMs: number; endMs: number };

export function parseDuration(value: string): number | null {
  const m = /^(\d+)([smhdw])$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * (UNIT_MS[m[2] as string] as number);
}

export function resolveRange(query: URLSearchParams, nowMs: number, defaultPeriod: string): TimeRange {
  const period = query.get("statsPeriod") || query.get("period");
  const start = query.get("start");
  const end = query.get("end");
  if (period) {
    const ms = parseDuration(period);
    if (ms === null || ms <= 0) throw new BadRequest(`Invalid statsPeriod: ${JSON.stringify(period)}`);
    return { startMs: nowMs - ms, endMs: nowMs };
  }
  if (start || end) {
    if (!start || !end) throw new BadRequest("start and end are both required");
    const startMs = Date.parse(start.endsWith("Z") || /[+-]\d\d:?\d\d$/.test(start) ? start : `${start}Z`);
    const endMs = Date.parse(end.endsWith("Z") || /[+-]\d\d:?\d\d$/.test(end) ? end : `${end}Z`);
    if (Number.isNaN(startMs) || Number.isNaN(endMs)) throw new BadRequest("start and end must be ISO 8601 dates");
    if (endMs <= startMs) throw new BadRequest("start must be before end");
    return { startMs, endMs };
  }
  return { startMs: nowMs - (parseDuration(defaultPeriod) as number), endMs: nowMs };
}

export function parseInterval(value: string | null, fallback: string, maxMs = Infinity): number {
  const raw = value || fallback;
  const ms = parseDuration(raw);
  if (ms === null) throw new BadRequest(`Invalid interval: ${JSON.stringify(raw)}`);
  if (ms < HOUR_MS || ms % HOUR_MS !== 0)
    throw new BadRequest("The interval has to be a multiple of the minimum interval of one hour.");
  if (ms > maxMs) throw new BadRequest("The interval has to be less than one day.");
  return ms;
}

/** Bucket starts aligned to the interval (UTC), covering [startMs, endMs). */
export function buckets(range: TimeRange, intervalMs: number): number[] {
  const first = Math.floor(range.startMs / intervalMs) * intervalMs;
  const out: number[] = [];
  for (let t = first; t < range.endMs; t += intervalMs) out.push(t);
  return out;
}

/** ISO without milliseconds, the way Sentry prints series timestamps. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
