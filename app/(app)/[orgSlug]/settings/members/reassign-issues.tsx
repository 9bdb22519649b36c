"use client";

import { FeedbackMessage, useActionFeedback } from "@/components/ui/action-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import type { JiraIssueSummary } from "@/lib/features/members";
import { reassignOpenIssuesAction } from "./actions";

/** A deactivated person's open Jira issues, with one click to hand them all to an active member. */
export function ReassignIssues({
  orgSlug,
  from,
  issues,
  candidates,
}: {
  orgSlug: string;
  from: { userId: string; name: string };
  issues: JiraIssueSummary[];
  candidates: { userId: string; name: string }[];
}) {
  const { feedback, pending, run } = useActionFeedback();

  function reassign(formData: FormData) {
    const toUserId = String(formData.get("toUserId") ?? "");
    run((idempotencyKey) =>
      reassignOpenIssuesAction({
        orgSlug,
        fromUserId: from.userId,
        toUserId,
        issueKeys: issues.map((i) => i.key),
        idempotencyKey,
      }),
    );
  }

  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 p-4 dark:border-amber-900 dark:bg-amber-950/40">
      <p className="text-sm font-medium">
        {from.name} was deactivated with {issues.length} open Jira issue{issues.length === 1 ? "" : "s"}
      </p>
      <ul className="mt-2 space-y-1 text-sm">
        {issues.map((issue) => (
          <li key={issue.key}>
            <span className="font-mono text-xs">{issue.key}</span> {issue.summary}{" "}
            <span className="text-xs text-slate-500 dark:text-slate-400">({issue.status})</span>
          </li>
        ))}
      </ul>
      <form action={reassign} className="mt-3 flex flex-wrap items-center gap-2">
        <label className="text-sm">
          Reassign all to{" "}
          <select
            name="toUserId"
            required
            className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            {candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <SubmitButton pending={pending} pendingLabel="Reassigning…" size="sm">
          Reassign
        </SubmitButton>
      </form>
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
