"use client";

import { useState, useTransition } from "react";
import { retryJobAction, retryRunAction } from "./actions";

/** Puts a failed run or a dead-lettered job back on the queue. */
export function RetryButton({ orgSlug, target }: { orgSlug: string; target: { run: string } | { job: string } }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  function retry() {
    startTransition(async () => {
      const result =
        "run" in target
          ? await retryRunAction({ orgSlug, runId: target.run })
          : await retryJobAction({ orgSlug, jobId: target.job });
      setMessage(result.ok ? { ok: true, text: "Queued" } : { ok: false, text: result.error });
    });
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={retry}
        disabled={pending || message?.ok === true}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {pending ? "Retrying…" : "Retry"}
      </button>
      {message && (
        <span
          role="status"
          className={`text-xs ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600"}`}
        >
          {message.text}
        </span>
      )}
    </span>
  );
}
