"use client";

import Link from "next/link";
import { InlineOutcome, useInlineAction } from "@/components/ui/inline-outcome";
import { resumeWriteAction, retryWriteAction } from "./actions";

/**
 * The buttons beside a pending or failed write: "Resume now" tries a waiting
 * write at once, "Retry" sends a failed one again, and "Edit and resend" leads
 * to where its input can be corrected (sending corrected input replaces the
 * failed write).
 */
export function WriteActions({
  orgSlug,
  intentId,
  status,
  editHref,
  editHint,
}: {
  orgSlug: string;
  intentId: string;
  status: "pending" | "failed";
  editHref?: string;
  editHint?: string;
}) {
  const { pending: busy, outcome, run } = useInlineAction();
  function act() {
    run(async () => {
      const result =
        status === "failed"
          ? await retryWriteAction({ orgSlug, intentId })
          : await resumeWriteAction({ orgSlug, intentId });
      return result.ok
        ? { ok: result.data.status !== "failed", text: result.data.message }
        : { ok: false, text: result.error };
    });
  }
  const label = status === "failed" ? (busy ? "Retrying…" : "Retry") : busy ? "Trying…" : "Resume now";
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={act}
        disabled={busy}
        aria-label={`${status === "failed" ? "Retry" : "Resume now"}: write ${intentId}`}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-500 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {label}
      </button>
      {status === "failed" && editHref && (
        <Link
          href={editHref}
          title={editHint}
          className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-500 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Edit and resend
        </Link>
      )}
      <InlineOutcome outcome={outcome} />
    </span>
  );
}
