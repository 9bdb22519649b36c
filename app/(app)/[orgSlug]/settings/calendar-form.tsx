"use client";

import { useId } from "react";
import { FeedbackMessage } from "@/components/ui/action-feedback";
import { SelectField } from "@/components/ui/form-field";
import { updateCalendarSettingsAction } from "./calendar-actions";
import { AdminOnlyNote, SaveButton, useSettingsSave } from "./settings-form";

/** The org's calendar zone, picked from `zones` (the server's list, so nothing it would refuse is offered). */
export function CalendarForm({
  orgSlug,
  initial,
  zones,
  canEdit,
}: {
  orgSlug: string;
  initial: string;
  zones: readonly string[];
  canEdit: boolean;
}) {
  const { pending, feedback, fieldErrors, save } = useSettingsSave();
  const errorId = useId();

  function submit(formData: FormData) {
    const timeZone = String(formData.get("timeZone") ?? "");
    save(() => updateCalendarSettingsAction({ orgSlug, timeZone }));
  }

  return (
    <form action={submit} className="space-y-4">
      <fieldset disabled={!canEdit || pending} className="space-y-4">
        <legend className="sr-only">Calendar</legend>
        <SelectField
          label="Time zone"
          name="timeZone"
          options={zones}
          defaultValue={initial}
          required
          aria-invalid={fieldErrors.timeZone ? true : undefined}
          aria-describedby={fieldErrors.timeZone ? errorId : undefined}
        />
        {fieldErrors.timeZone && (
          <p id={errorId} className="text-xs text-red-600 dark:text-red-400">
            Time zone {fieldErrors.timeZone}
          </p>
        )}
        <SaveButton canEdit={canEdit} pending={pending} label="Save time zone" busyLabel="Saving…" />
      </fieldset>
      <AdminOnlyNote canEdit={canEdit} />
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
