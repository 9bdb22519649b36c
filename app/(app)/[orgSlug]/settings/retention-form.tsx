"use client";

import { useId } from "react";
import { FeedbackMessage } from "@/components/ui/action-feedback";
import type { RetentionSettings } from "@/lib/domain/retention";
import { updateRetentionSettingsAction } from "./actions";
import { AdminOnlyNote, SaveButton, useSettingsSave } from "./settings-form";

type Field = { name: keyof RetentionSettings; label: string; min: number; max: number };

export function RetentionForm({
  orgSlug,
  initial,
  fields,
  canEdit,
}: {
  orgSlug: string;
  initial: RetentionSettings;
  fields: Field[];
  canEdit: boolean;
}) {
  const { pending, feedback, fieldErrors, save } = useSettingsSave();
  const idPrefix = useId();

  function submit(formData: FormData) {
    const read = (name: keyof RetentionSettings) => Number(String(formData.get(name) ?? "").trim());
    save(() =>
      updateRetentionSettingsAction({
        orgSlug,
        deliveryPayloadDays: read("deliveryPayloadDays"),
        automationRunDays: read("automationRunDays"),
        finishedWriteDays: read("finishedWriteDays"),
      }),
    );
  }

  return (
    <form action={submit} className="space-y-4">
      <fieldset disabled={!canEdit || pending} className="grid gap-4 sm:grid-cols-3">
        {fields.map((field) => (
          <div key={field.name}>
            <label htmlFor={`${idPrefix}-${field.name}`} className="block text-sm font-medium">
              {field.label}
            </label>
            <input
              id={`${idPrefix}-${field.name}`}
              name={field.name}
              type="number"
              min={field.min}
              max={field.max}
              step={1}
              required
              defaultValue={initial[field.name]}
              aria-invalid={fieldErrors[field.name] ? true : undefined}
              className="mt-1 w-32 rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              {field.min}–{field.max} days
            </p>
            {fieldErrors[field.name] && (
              <p className="mt-1 text-xs text-red-600 dark:text-red-400">{fieldErrors[field.name]}</p>
            )}
          </div>
        ))}
      </fieldset>
      <SaveButton canEdit={canEdit} pending={pending} label="Save retention" busyLabel="Saving…" />
      <AdminOnlyNote canEdit={canEdit} />
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
