import type { SeriesPoint } from "./types";

/**
 * Distinct users per UTC day over the last `days` days (today included),
 * from when each event happened and whom it happened to. Events with no user
 * are not counted; days without events are 0. Pure: `now` is passed in.
 */
export function usersPerDay(events: { at: string; user: string | null }[], now: Date, days = 30): SeriesPoint[] {
  const dayOf = (ms: number) => Math.floor(ms / 86_400_000);
  const today = dayOf(now.getTime());
  const first = today - days + 1;
  const users = new Map<number, Set<string>>();
  for (const event of events) {
    const ms = Date.parse(event.at);
    if (!event.user || !Number.isFinite(ms)) continue;
    const day = dayOf(ms);
    if (day < first || day > today) continue;
    const set = users.get(day) ?? new Set<string>();
    set.add(event.user);
    users.set(day, set);
  }
  return Array.from({ length: days }, (_, i) => ({
    at: new Date((first + i) * 86_400_000).toISOString(),
    count: users.get(first + i)?.size ?? 0,
  }));
}
