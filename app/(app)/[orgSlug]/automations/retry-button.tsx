"use client";

import { InlineOutcome, useInlineAction } from "@/components/ui/inline-outcome";
import { retryJobAction, retryRunAction } from "./actions";

/** Puts a failed run or a dead-lettered job back on the queue. */
export function RetryButton({ orgSlug, target }: { orgSlug: string; target: { run: string } | { job: string } }) {
  const { pending, outcome, run } = useInlineAction();
  function retry() {
    run(async () => {
      const result =
        "run" in target
          ? await retryRunAction({ orgSlug, runId: target.run })
          : await retryJobAction({ orgSlug, jobId: target.job });
      return result.ok ? { ok: true, text: "Queued" } : { ok: false, text: result.error };
    });
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={retry}
        disabled={pending || outcome?.ok === true}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {pending ? "Retrying…" : "Retry"}
      </button>
      <InlineOutcome outcome={outcome} />
    </span>
  );
}
