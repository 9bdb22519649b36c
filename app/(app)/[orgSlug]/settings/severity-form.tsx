"use client";

import { useState, useTransition } from "react";
import { FeedbackMessage } from "@/components/ui/action-feedback";
import type { SeveritySettings } from "@/lib/domain/severity";
import { updateSeverityThresholdsAction } from "./actions";

const FIELDS: { name: keyof SeveritySettings; label: string }[] = [
  { name: "highUserThreshold", label: "High from users affected" },
  { name: "highEventThreshold", label: "High from events in 24 h" },
  { name: "criticalUserThreshold", label: "Critical from users affected" },
];

export function SeverityForm({ orgSlug, initial, canEdit }: { orgSlug: string; initial: SeveritySettings; canEdit: boolean }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);
  const [pending, startTransition] = useTransition();
  function save(formData: FormData) {
    const values = Object.fromEntries(FIELDS.map((f) => [f.name, Number(formData.get(f.name))])) as SeveritySettings;
    startTransition(async () => {
      const result = await updateSeverityThresholdsAction({ orgSlug, ...values });
      setMessage(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.error, fields: result.fieldErrors });
    });
  }
  return (
    <form action={save} className="space-y-3">
      <fieldset disabled={!canEdit || pending} className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map((f) => (
          <label key={f.name} className="text-sm font-medium">
            {f.label}
            <input name={f.name} type="number" min={1} defaultValue={initial[f.name]} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900" />
            {message?.fields?.[f.name] && <span className="mt-1 block text-xs text-red-600">{message.fields[f.name]}</span>}
          </label>
        ))}
      </fieldset>
      {canEdit && (
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          Save thresholds
        </button>
      )}
      <FeedbackMessage feedback={message && { kind: message.ok ? "ok" : "error", text: message.text }} />
    </form>
  );
}
