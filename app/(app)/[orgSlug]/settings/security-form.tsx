"use client";

import { useId } from "react";
import { updateSecuritySettingsAction } from "./actions";
import { AdminOnlyNote, SaveButton, useSettingsSave } from "./settings-form";

type SecuritySettings = { requireMfa: boolean; sessionIdleTimeoutMinutes: number | null };

export function SecurityForm({
  orgSlug,
  initial,
  canEdit,
}: {
  orgSlug: string;
  initial: SecuritySettings;
  canEdit: boolean;
}) {
  const { pending, feedback: message, fieldErrors, save } = useSettingsSave();
  const timeoutId = useId();
  const verifyFirst = fieldErrors.requireMfa === "verify-first";

  function submit(formData: FormData) {
    const idle = String(formData.get("sessionIdleTimeoutMinutes") ?? "").trim();
    save(() =>
      updateSecuritySettingsAction({
        orgSlug,
        requireMfa: formData.get("requireMfa") === "on",
        sessionIdleTimeoutMinutes: idle === "" ? null : Number(idle),
      }),
    );
  }

  return (
    <form action={submit} className="space-y-5">
      <fieldset disabled={!canEdit || pending} className="space-y-5">
        <label className="flex items-start gap-3">
          <input type="checkbox" name="requireMfa" defaultChecked={initial.requireMfa} className="mt-1 h-4 w-4" />
          <span>
            <span className="block text-sm font-medium">Require two-step verification</span>
            <span className="block text-sm text-slate-600 dark:text-slate-400">
              Members without an authenticator app are asked to set one up before they can use this organization.
            </span>
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
        <SaveButton canEdit={canEdit} pending={pending} label="Save" busyLabel="Saving…" />
      </fieldset>
      <AdminOnlyNote canEdit={canEdit} />
      {message && (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={`text-sm ${message.kind === "error" ? "text-red-600 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}
        >
          {message.text}
          {verifyFirst && (
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
