"use client";

import { useId, useState, useTransition } from "react";
import type { RetentionSettings } from "@/lib/domain/retention";
import { updateRetentionSettingsAction } from "./actions";

type Field = { name: keyof RetentionSettings; label: string; min: number; max: number };

export function RetentionForm({ orgSlug, initial, fields, canEdit }: { orgSlug: string; initial: RetentionSettings; fields: Field[]; canEdit: boolean }) {
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const idPrefix = useId();

  function save(formData: FormData) {
    const read = (name: keyof RetentionSettings) => Number(String(formData.get(name) ?? "").trim());
    startTransition(async () => {
      const result = await updateRetentionSettingsAction({ orgSlug, deliveryPayloadDays: read("deliveryPayloadDays"), automationRunDays: read("automationRunDays"), finishedWriteDays: read("finishedWriteDays") });
      setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(result.ok ? { kind: "ok", text: "Saved." } : { kind: "error", text: result.error });
    });
  }

  return (
    <form action={save} className="space-y-4">
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
            <p className="mt-1 text-xs text-slate-500">
              {field.min}–{field.max} days
            </p>
            {fieldErrors[field.name] && <p className="mt-1 text-xs text-red-600">{fieldErrors[field.name]}</p>}
          </div>
        ))}
      </fieldset>
      {canEdit && (
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Saving…" : "Save retention"}
        </button>
      )}
      {!canEdit && <p className="text-sm text-slate-500">Only admins can change these settings.</p>}
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={`text-sm ${message.kind === "error" ? "text-red-600" : "text-emerald-700 dark:text-emerald-400"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
