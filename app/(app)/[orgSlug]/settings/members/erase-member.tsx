"use client";

import { useState } from "react";
import { eraseDepartedMemberAction } from "./erase-actions";
import { FeedbackMessage, useActionFeedback } from "@/components/ui/action-feedback";
import { RowButton } from "@/components/ui/row-button";

/**
 * Erasing a departed person's personal data cannot be undone, so the admin
 * types the person's e-mail address to confirm (the server checks it too).
 */
export function EraseMember({
  orgSlug,
  member,
}: {
  orgSlug: string;
  member: { userId: string; name: string; email: string };
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const { feedback, pending, run } = useActionFeedback();
  const confirmed = typed.trim().toLowerCase() === member.email.toLowerCase();

  function erase() {
    run(() => eraseDepartedMemberAction({ orgSlug, userId: member.userId, confirmEmail: typed }));
  }

  if (!open) {
    return (
      <div className="text-left">
        <RowButton danger onClick={() => setOpen(true)}>
          Erase personal data<span className="sr-only"> of {member.name}</span>
        </RowButton>
        <FeedbackMessage feedback={feedback} />
      </div>
    );
  }

  return (
    <form action={erase} className="ml-auto max-w-xs space-y-2 text-left text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        Erases {member.name}&apos;s availability, sessions and Jira link here, and their name and e-mail address in this
        organization&apos;s history. The audit log keeps every entry under a pseudonym. This cannot be undone.
      </p>
      <label className="block">
        <span className="text-xs text-slate-500 dark:text-slate-400">Type {member.email} to confirm</span>
        <input
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={!confirmed || pending}
          className="rounded-md bg-red-700 px-2.5 py-1 text-white hover:bg-red-800 disabled:opacity-60"
        >
          Erase
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          disabled={pending}
          className="rounded-md border border-slate-200 px-2.5 py-1 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Cancel
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
