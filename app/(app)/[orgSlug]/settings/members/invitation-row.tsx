"use client";

import { revokeInvitationAction } from "./actions";
import { FeedbackMessage, useActionFeedback } from "@/components/ui/action-feedback";
import { RowButton } from "@/components/ui/row-button";

export function InvitationRow({
  orgSlug,
  invitation,
  expires,
  canManage,
}: {
  orgSlug: string;
  invitation: { id: string; email: string; expiresAt: string };
  /** When it expires, rendered by the server in the viewer's zone. */
  expires: React.ReactNode;
  canManage: boolean;
}) {
  const { feedback, pending, run } = useActionFeedback();
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
      <span>
        <span className="font-medium">{invitation.email}</span>
        <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">expires {expires}</span>
      </span>
      {canManage && (
        <RowButton
          disabled={pending}
          onClick={() =>
            run((idempotencyKey) =>
              revokeInvitationAction({ orgSlug, invitationId: invitation.id, email: invitation.email, idempotencyKey }),
            )
          }
        >
          Revoke<span className="sr-only"> invitation of {invitation.email}</span>
        </RowButton>
      )}
      <FeedbackMessage feedback={feedback} />
    </li>
  );
}
