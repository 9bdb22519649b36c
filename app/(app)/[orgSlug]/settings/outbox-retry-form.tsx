"use client";

import { useId } from "react";
import { FeedbackMessage } from "@/components/ui/action-feedback";
import { updateOutboxRetryHoursAction } from "./actions";
import { AdminOnlyNote, SaveButton, useSettingsSave } from "./settings-form";

export function OutboxRetryForm({ orgSlug, initial, canEdit }: { orgSlug: string; initial: number; canEdit: boolean }) {
  const { pending, feedback, save } = useSettingsSave();
  const hoursId = useId();

  function submit(formData: FormData) {
    const hours = Number(String(formData.get("outboxRetryHours") ?? "").trim());
    save(() => updateOutboxRetryHoursAction({ orgSlug, outboxRetryHours: hours }));
  }

  return (
    <form action={submit} className="space-y-4">
      <fieldset disabled={!canEdit || pending} className="space-y-4">
        <div>
          <label htmlFor={hoursId} className="block text-sm font-medium">
            Keep retrying for (hours)
          </label>
          <input
            id={hoursId}
            name="outboxRetryHours"
            type="number"
            min={1}
            max={168}
            step={1}
            required
            defaultValue={initial}
            className="mt-1 w-40 rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <SaveButton canEdit={canEdit} pending={pending} label="Save retry window" busyLabel="Saving…" />
      </fieldset>
      <AdminOnlyNote canEdit={canEdit} />
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
