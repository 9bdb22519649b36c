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
      <p
        role="status"
        className="rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200"
      >
        Stale: the service did not answer ({error}). Showing data from {age}.
      </p>
    );
  }
  return <p className="text-sm text-slate-500">Updated {age}</p>;
}
