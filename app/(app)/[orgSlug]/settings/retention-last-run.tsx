import type { RetentionRunRecord } from "@/lib/db/queries/retention";
import { describePruned } from "@/lib/domain/retention";

/** When the daily pass last ran for this org and what it removed. */
export function RetentionLastRun({ run }: { run: RetentionRunRecord | null }) {
  if (!run) return <p className="mt-4 text-sm text-slate-500">The daily pass has not run for this organization yet.</p>;
  return (
    <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
      Last run{" "}
      <time dateTime={run.finishedAt.toISOString()}>
        {run.finishedAt.toISOString().replace("T", " ").slice(0, 16)} UTC
      </time>
      : {describePruned(run.counts).replace(/^Retention removed/, "removed")}.
    </p>
  );
}
