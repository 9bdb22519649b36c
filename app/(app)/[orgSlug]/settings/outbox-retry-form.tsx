"use client";

import { useId, useState, useTransition } from "react";
import { updateOutboxRetryHoursAction } from "./actions";

export function OutboxRetryForm({ orgSlug, initial, canEdit }: { orgSlug: string; initial: number; canEdit: boolean }) {
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const hoursId = useId();

  function save(formData: FormData) {
    const hours = Number(String(formData.get("outboxRetryHours") ?? "").trim());
    startTransition(async () => {
      const result = await updateOutboxRetryHoursAction({ orgSlug, outboxRetryHours: hours });
      setMessage(result.ok ? { kind: "ok", text: "Saved." } : { kind: "error", text: result.error });
    });
  }

  return (
    <form action={save} className="space-y-4">
      <fieldset disabled={!canEdit || pending} className="space-y-4">
        <div>
          <label htmlFor={hoursId} className="block text-sm font-medium">
            Keep retrying for (hours)
          </label>
          <input id={hoursId} name="outboxRetryHours" type="number" min={1} max={168} step={1} required defaultValue={initial} className="mt-1 w-40 rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900" />
        </div>
        {canEdit && (
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? "Saving…" : "Save retry window"}
          </button>
        )}
      </fieldset>
      {!canEdit && <p className="text-sm text-slate-500">Only admins can change these settings.</p>}
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={`text-sm ${message.kind === "error" ? "text-red-600" : "text-emerald-700 dark:text-emerald-400"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
