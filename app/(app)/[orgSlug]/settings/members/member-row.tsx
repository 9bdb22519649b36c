"use client";

import { changeMemberRoleAction, removeMemberAction } from "./actions";
import { resetMemberMfaAction } from "./mfa-actions";
import { EraseMember } from "./erase-member";
import { FeedbackMessage, useActionFeedback } from "@/components/ui/action-feedback";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TableRow } from "@/components/ui/data-table";
import { RowButton } from "@/components/ui/row-button";

export type MemberRowData = {
  userId: string;
  name: string;
  email: string;
  role: "admin" | "manager" | "member";
  status: "active" | "invited" | "deactivated";
  directoryManaged: boolean;
  /** The last sign-in, rendered by the server in the viewer's zone, or null for never. */
  lastSignIn: React.ReactNode;
  isYou: boolean;
};

const STATUS_STYLE = {
  active: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  invited: "bg-sky-50 text-sky-700 dark:bg-sky-950 dark:text-sky-300",
  deactivated: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
} as const;

export function MemberRow({
  orgSlug,
  member,
  canManage,
}: {
  orgSlug: string;
  member: MemberRowData;
  canManage: boolean;
}) {
  const { feedback, pending, run } = useActionFeedback();
  const editable = canManage && member.status === "active";

  function changeRole(role: MemberRowData["role"]) {
    run((idempotencyKey) => changeMemberRoleAction({ orgSlug, userId: member.userId, role, idempotencyKey }));
  }

  function remove() {
    run((idempotencyKey) => removeMemberAction({ orgSlug, userId: member.userId, idempotencyKey }));
  }

  function resetMfa() {
    run((idempotencyKey) => resetMemberMfaAction({ orgSlug, userId: member.userId, idempotencyKey }));
  }

  return (
    <TableRow>
      <td className="py-3 pr-4">
        <span className="font-medium">{member.name}</span>
        {member.isYou && <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">(you)</span>}
        <span className="block text-xs text-slate-500 dark:text-slate-400">{member.email}</span>
        <FeedbackMessage feedback={feedback} />
      </td>
      <td className="py-3 pr-4">
        {editable ? (
          <select
            aria-label={`Role of ${member.name}`}
            value={member.role}
            disabled={pending}
            onChange={(event) => changeRole(event.target.value as MemberRowData["role"])}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="admin">Admin</option>
            <option value="manager">Manager</option>
            <option value="member">Member</option>
          </select>
        ) : (
          <span className="text-sm capitalize">{member.role}</span>
        )}
      </td>
      <td className="py-3 pr-4">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[member.status]}`}>
          {member.status}
        </span>
        {member.directoryManaged && <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">directory</span>}
      </td>
      <td className="py-3 pr-4 text-sm text-slate-600 dark:text-slate-400">{member.lastSignIn ?? "never"}</td>
      <td className="py-3 text-right">
        {editable && (
          <ConfirmDialog
            title={`Reset ${member.name}'s two-step verification?`}
            description="Their authenticator app stops working for Bosun and they set up a new one."
            confirmLabel="Reset two-step verification"
            pendingLabel="Resetting…"
            pending={pending}
            onConfirm={resetMfa}
            trigger={(open) => (
              <RowButton onClick={open} disabled={pending} className="mr-2">
                Reset two-step verification<span className="sr-only"> of {member.name}</span>
              </RowButton>
            )}
          />
        )}
        {editable && (
          <ConfirmDialog
            title={`Remove ${member.name} from this organization?`}
            description="They lose access at once."
            confirmLabel="Remove member"
            pendingLabel="Removing…"
            pending={pending}
            onConfirm={remove}
            trigger={(open) => (
              <RowButton danger onClick={open} disabled={pending}>
                Remove<span className="sr-only"> {member.name}</span>
              </RowButton>
            )}
          />
        )}
        {canManage && member.status === "deactivated" && <EraseMember orgSlug={orgSlug} member={member} />}
      </td>
    </TableRow>
  );
}
