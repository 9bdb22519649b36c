"use client";

import { revokeInvitationAction } from "./actions";
import { FeedbackMessage, useActionFeedback } from "@/components/ui/action-feedback";

export function InvitationRow({
  orgSlug,
  invitation,
  canManage,
}: {
  orgSlug: string;
  invitation: { id: string; email: string; expiresAt: string };
  canManage: boolean;
}) {
  const { feedback, pending, run } = useActionFeedback();
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
      <span>
        <span className="font-medium">{invitation.email}</span>
        <span className="ml-2 text-xs text-slate-500">
          expires {new Date(invitation.expiresAt).toISOString().slice(0, 10)}
        </span>
      </span>
      {canManage && (
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            run((idempotencyKey) =>
              revokeInvitationAction({ orgSlug, invitationId: invitation.id, email: invitation.email, idempotencyKey }),
            )
          }
          className="rounded-md border border-slate-200 px-2.5 py-1 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Revoke<span className="sr-only"> invitation of {invitation.email}</span>
        </button>
      )}
      <FeedbackMessage feedback={feedback} />
    </li>
  );
}
