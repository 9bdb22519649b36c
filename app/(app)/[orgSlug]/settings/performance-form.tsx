"use client";

import { useId } from "react";
import { FeedbackMessage } from "@/components/ui/action-feedback";
import { InputField } from "@/components/ui/form-field";
import type { PerformanceSettings } from "@/lib/features/performance";
import { updatePerformanceSettingsAction } from "./performance-actions";
import { AdminOnlyNote, SaveButton, useSettingsSave } from "./settings-form";

type Threshold = { name: keyof PerformanceSettings; label: string; hint: string; min: number; max?: number };

// Bounds mirror performanceSettingsSchema so the browser stops the obvious mistakes; the action has the last word.
const THRESHOLDS: Threshold[] = [
  { name: "vitalRegressionPercent", label: "p75 LCP or INP slower by (%)", hint: "0–1000", min: 0, max: 1000 },
  { name: "minPageLoads", label: "Minimum page loads", hint: "per release, for LCP and INP", min: 1 },
  { name: "apiLatencyRegressionPercent", label: "p95 API latency slower by (%)", hint: "0–1000", min: 0, max: 1000 },
  { name: "minTransactions", label: "Minimum transactions", hint: "per release, for API latency", min: 1 },
  { name: "apdexThresholdMs", label: "Apdex T (ms)", hint: "1–60000; tolerating up to 4T", min: 1, max: 60_000 },
];

const isPercent = (name: keyof PerformanceSettings) => name.endsWith("Percent");

export function PerformanceForm({
  orgSlug,
  initial,
  canEdit,
}: {
  orgSlug: string;
  initial: PerformanceSettings;
  canEdit: boolean;
}) {
  const { pending, feedback, fieldErrors, save } = useSettingsSave();
  const idPrefix = useId();

  function submit(formData: FormData) {
    const values = Object.fromEntries(
      THRESHOLDS.map(({ name }) => [name, Number(String(formData.get(name) ?? "").trim())]),
    ) as PerformanceSettings;
    save(() => updatePerformanceSettingsAction({ orgSlug, ...values }));
  }

  return (
    <form action={submit} className="space-y-4">
      <fieldset disabled={!canEdit || pending} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Performance regression thresholds</legend>
        {THRESHOLDS.map(({ name, label, hint, min, max }) => {
          const hintId = `${idPrefix}-${name}-hint`;
          const errorId = `${idPrefix}-${name}-error`;
          return (
            <div key={name}>
              <InputField
                label={label}
                name={name}
                type="number"
                min={min}
                max={max}
                step={isPercent(name) ? "any" : 1}
                required
                defaultValue={initial[name]}
                aria-invalid={fieldErrors[name] ? true : undefined}
                aria-describedby={fieldErrors[name] ? `${hintId} ${errorId}` : hintId}
              />
              <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                {hint}
              </p>
              {fieldErrors[name] && (
                <p id={errorId} className="mt-1 text-xs text-red-600 dark:text-red-400">
                  {fieldErrors[name]}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <SaveButton canEdit={canEdit} pending={pending} label="Save performance thresholds" busyLabel="Saving…" />
      <AdminOnlyNote canEdit={canEdit} />
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
