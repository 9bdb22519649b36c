"use client";

import { FeedbackMessage } from "@/components/ui/action-feedback";
import type { SeveritySettings } from "@/lib/domain/severity";
import { updateSeverityThresholdsAction } from "./actions";
import { SaveButton, useSettingsSave } from "./settings-form";

const FIELDS: { name: keyof SeveritySettings; label: string }[] = [
  { name: "highUserThreshold", label: "High from users affected" },
  { name: "highEventThreshold", label: "High from events in 24 h" },
  { name: "criticalUserThreshold", label: "Critical from users affected" },
];

export function SeverityForm({
  orgSlug,
  initial,
  canEdit,
}: {
  orgSlug: string;
  initial: SeveritySettings;
  canEdit: boolean;
}) {
  const { pending, feedback, fieldErrors, save } = useSettingsSave();
  function submit(formData: FormData) {
    const values = Object.fromEntries(FIELDS.map((f) => [f.name, Number(formData.get(f.name))])) as SeveritySettings;
    save(() => updateSeverityThresholdsAction({ orgSlug, ...values }));
  }
  return (
    <form action={submit} className="space-y-3">
      <fieldset disabled={!canEdit || pending} className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map((f) => (
          <label key={f.name} className="text-sm font-medium">
            {f.label}
            <input
              name={f.name}
              type="number"
              min={1}
              defaultValue={initial[f.name]}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900"
            />
            {fieldErrors[f.name] && (
              <span className="mt-1 block text-xs text-red-600 dark:text-red-400">{fieldErrors[f.name]}</span>
            )}
          </label>
        ))}
      </fieldset>
      <SaveButton canEdit={canEdit} pending={pending} label="Save thresholds" />
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
