"use client";

import { useId, useState, useTransition } from "react";
import { updateSecuritySettingsAction } from "./actions";

type SecuritySettings = { requireMfa: boolean; sessionIdleTimeoutMinutes: number | null };

export function SecurityForm({ orgSlug, initial, canEdit }: { orgSlug: string; initial: SecuritySettings; canEdit: boolean }) {
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string; verifyFirst?: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const timeoutId = useId();

  function save(formData: FormData) {
    const idle = String(formData.get("sessionIdleTimeoutMinutes") ?? "").trim();
    startTransition(async () => {
      const result = await updateSecuritySettingsAction({
        orgSlug,
        requireMfa: formData.get("requireMfa") === "on",
        sessionIdleTimeoutMinutes: idle === "" ? null : Number(idle),
      });
      setMessage(result.ok ? { kind: "ok", text: "Saved." } : { kind: "error", text: result.error, verifyFirst: result.fieldErrors?.requireMfa === "verify-first" });
    });
  }

  return (
    <form action={save} className="space-y-5">
      <fieldset disabled={!canEdit || pending} className="space-y-5">
        <label className="flex items-start gap-3">
          <input type="checkbox" name="requireMfa" defaultChecked={initial.requireMfa} className="mt-1 h-4 w-4" />
          <span>
            <span className="block text-sm font-medium">Require two-step verification</span>
            <span className="block text-sm text-slate-600 dark:text-slate-400">Members without an authenticator app are asked to set one up before they can use this organization.</span>
          </span>
        </label>
        <div>
          <label htmlFor={timeoutId} className="block text-sm font-medium">
            Sign out after inactivity (minutes)
          </label>
          <input
            id={timeoutId}
            name="sessionIdleTimeoutMinutes"
            type="number"
            min={5}
            max={43200}
            defaultValue={initial.sessionIdleTimeoutMinutes ?? ""}
            placeholder="Never"
            className="mt-1 w-40 rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        {canEdit && (
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? "Saving…" : "Save"}
          </button>
        )}
      </fieldset>
      {!canEdit && <p className="text-sm text-slate-500">Only admins can change these settings.</p>}
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={`text-sm ${message.kind === "error" ? "text-red-600" : "text-emerald-700 dark:text-emerald-400"}`}>
          {message.text}
          {message.verifyFirst && (
            <>
              {" "}
              <a href={`/mfa?org=${orgSlug}`} className="font-medium underline">
                Set up two-step verification
              </a>
            </>
          )}
        </p>
      )}
    </form>
  );
}
