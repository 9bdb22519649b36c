// Its own module, apart from the zone-aware formatting, because the browser runs it too (components/ui/relative-time).
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
