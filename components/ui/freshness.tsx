import { StatusNotice } from "./status-notice";

/** "Updated 3 min ago", or a clear stale marker when the last refresh failed. */
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
  const minutes = Math.max(0, Math.round((now.getTime() - fetchedAt.getTime()) / 60_000));
  const age = minutes === 0 ? "just now" : `${minutes} min ago`;
  if (stale) {
    return (
      <StatusNotice>
        Stale: the service did not answer ({error}). Showing data from {age}.
      </StatusNotice>
    );
  }
  return <p className="text-sm text-slate-500 dark:text-slate-400">Updated {age}</p>;
}
