"use client";

import { useState, useTransition } from "react";
import type { Feedback } from "@/components/ui/action-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/platform/actions/org-action";

/**
 * What the settings forms share: one save at a time, "Saved." or the action's
 * error as the message, and a save button and read-only note that only
 * admins and non-admins see respectively.
 */
export function useSettingsSave() {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function save(action: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => setResult(await action()));
  }

  // Step-up prompts are left out on purpose: these actions never ask for one.
  const feedback: Feedback =
    result && (result.ok ? { kind: "ok", text: "Saved." } : { kind: "error", text: result.error });
  const fieldErrors: Record<string, string> = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return { pending, feedback, fieldErrors, save };
}

/** `busyLabel`, when given, replaces the label while the save runs. */
export function SaveButton({
  canEdit,
  pending,
  label,
  busyLabel,
}: {
  canEdit: boolean;
  pending: boolean;
  label: string;
  busyLabel?: string;
}) {
  if (!canEdit) return null;
  return (
    <SubmitButton pending={pending} pendingLabel={busyLabel}>
      {label}
    </SubmitButton>
  );
}

export function AdminOnlyNote({ canEdit }: { canEdit: boolean }) {
  return canEdit ? null : (
    <p className="text-sm text-slate-500 dark:text-slate-400">Only admins can change these settings.</p>
  );
}
