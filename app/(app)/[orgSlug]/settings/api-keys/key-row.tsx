"use client";

import { revokeApiKeyAction } from "./actions";
import { FeedbackMessage, useActionFeedback } from "@/components/ui/action-feedback";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TableRow } from "@/components/ui/data-table";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import { RowButton } from "@/components/ui/row-button";
import { SCOPE_LABEL } from "@/lib/domain/api-keys/labels";

export type KeyRowData = {
  id: string;
  name: string;
  prefix: string;
  scope: "read" | "read_write";
  role: "admin" | "manager" | "member";
  createdBy: { name: string; email: string };
  /** ISO instants, shown in the viewer's zone. */
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const STATUS_STYLE = {
  active: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  revoked: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
} as const;

export function KeyRow({ orgSlug, apiKey, time }: { orgSlug: string; apiKey: KeyRowData; time: ViewerTime }) {
  const { feedback, pending, run } = useActionFeedback();
  const status = apiKey.revokedAt ? "revoked" : "active";

  function revoke() {
    run(() => revokeApiKeyAction({ orgSlug, keyId: apiKey.id }));
  }

  return (
    <TableRow>
      <td className="py-3 pr-4">
        <span className="font-medium">{apiKey.name}</span>
        <FeedbackMessage feedback={feedback} />
      </td>
      <td className="whitespace-nowrap py-3 pr-4 font-mono text-xs">{apiKey.prefix}…</td>
      <td className="whitespace-nowrap py-3 pr-4">{SCOPE_LABEL[apiKey.scope]}</td>
      <td className="py-3 pr-4 capitalize">{apiKey.role}</td>
      <td className="py-3 pr-4">
        {apiKey.createdBy.name}
        <span className="block text-xs text-slate-600 dark:text-slate-400">{apiKey.createdBy.email}</span>
        <span className="block text-xs">
          <LocalTime at={apiKey.createdAt} time={time} stacked />
        </span>
      </td>
      <td className="py-3 pr-4 text-slate-600 dark:text-slate-400">
        {apiKey.lastUsedAt ? <LocalTime at={apiKey.lastUsedAt} time={time} stacked /> : "never"}
      </td>
      <td className="py-3 pr-4">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>{status}</span>
        {apiKey.revokedAt && (
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            <LocalTime at={apiKey.revokedAt} time={time} stacked />
          </span>
        )}
      </td>
      <td className="py-3 text-right">
        {status === "active" && (
          <ConfirmDialog
            title={`Revoke the API key “${apiKey.name}”?`}
            description="Anything using it loses access at once. This cannot be undone."
            confirmLabel="Revoke key"
            pendingLabel="Revoking…"
            pending={pending}
            onConfirm={revoke}
            trigger={(open) => (
              <RowButton danger onClick={open} disabled={pending}>
                Revoke<span className="sr-only"> {apiKey.name}</span>
              </RowButton>
            )}
          />
        )}
      </td>
    </TableRow>
  );
}
