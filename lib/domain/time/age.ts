/**
 * How old fetched data is, in whole minutes, as a freshness label says it: "just now" under half a minute, then
 * "3 min ago" however many minutes it is (a cache's age is read against its refresh interval, so hours stay minutes).
 */
export function formatAge(fetchedAt: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - fetchedAt.getTime()) / 60_000));
  return minutes === 0 ? "just now" : `${minutes} min ago`;
}
