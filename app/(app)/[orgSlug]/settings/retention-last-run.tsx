import type { RetentionRunRecord } from "@/lib/features/retention";
import { describePruned } from "@/lib/domain/retention";
import { LocalTime } from "@/components/ui/local-time";
import { getViewerTime } from "@/components/ui/tz-script";

/** When the daily pass last ran for this org and what it removed. */
export async function RetentionLastRun({ run }: { run: RetentionRunRecord | null }) {
  if (!run)
    return (
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        The daily pass has not run for this organization yet.
      </p>
    );
  const time = await getViewerTime();
  return (
    <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
      Last run <LocalTime at={run.finishedAt} time={time} />:{" "}
      {describePruned(run.counts).replace(/^Retention removed/, "removed")}.
    </p>
  );
}
