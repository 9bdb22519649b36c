import { RelativeTime } from "./relative-time";
import { StatusNotice } from "./status-notice";

/** "Updated 3 min ago", or a clear stale marker when the last refresh failed; the age stays true in the browser. */
export function Freshness({
  fetchedAt,
  stale,
  error,
  now,
}: {
  fetchedAt: Date;
  stale: boolean;
  error: string | null;
  now: Date;
}) {
  const age = <RelativeTime at={fetchedAt.toISOString()} renderedAt={now.toISOString()} kind="age" />;
  if (stale) {
    return (
      <StatusNotice>
        Stale: the service did not answer ({error}). Showing data from {age}.
      </StatusNotice>
    );
  }
  return <p className="text-sm text-slate-500 dark:text-slate-400">Updated {age}</p>;
}
