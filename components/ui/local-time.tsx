import { describeInstant, formatDay, type DisplayZone } from "@/lib/domain/time";
import { RelativeTime } from "./relative-time";

/**
 * The zone to show this request's times in (the browser's, or UTC) and the moment of rendering; a server page gets
 * it from `getViewerTime()` (tz-script.tsx) and hands it down, client components included, as a plain object.
 */
export type ViewerTime = { zone: DisplayZone; now: Date };

/**
 * A moment as people read it: "2 h ago · 3 Dec 14:05", relative and absolute together, the absolute part in the
 * viewer's zone (labelled UTC when that is what it is). `stacked` puts the absolute time on its own line, for narrow
 * table columns. The machine-readable instant is in `dateTime`.
 */
export function LocalTime({ at, time, stacked = false }: { at: Date | string; time: ViewerTime; stacked?: boolean }) {
  const instant = describeInstant(new Date(at), time.zone, time.now);
  return (
    <time dateTime={instant.iso} className="whitespace-nowrap">
      <RelativeTime at={instant.iso} renderedAt={new Date(time.now).toISOString()} kind="relative" />
      {stacked ? (
        <span className="block text-xs text-slate-600 dark:text-slate-400">{instant.absolute}</span>
      ) : (
        <span className="text-slate-600 dark:text-slate-400"> · {instant.absolute}</span>
      )}
    </time>
  );
}

/** A calendar day in a given zone ("3 Dec 2026"), for dates whose time of day means nothing, such as sprint days. */
export function LocalDay({ at, zone }: { at: Date | string; zone: DisplayZone }) {
  const day = new Date(at);
  return (
    <time dateTime={day.toISOString()} className="whitespace-nowrap">
      {formatDay(day, zone)}
    </time>
  );
}
