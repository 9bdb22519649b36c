"use client";

import { useState, useTransition } from "react";
import { InputField } from "@/components/ui/form-field";
import { InlineOutcome, type Outcome } from "@/components/ui/inline-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { DEFAULT_RELEASE_HEALTH_SETTINGS } from "@/lib/domain/release-health";
import type { RollbackSettings } from "@/lib/domain/rollback";
import {
  disconnectRollbackHookAction,
  saveRollbackHookAction,
  saveRollbackSettingsAction,
} from "./rollback-hook-actions";

const SECONDARY =
  "rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800";

/** The hook's URL, timeout and secret. A generated secret is shown once here, to copy into the deployment system. */
export function RollbackHookForm({
  orgSlug,
  url,
  timeoutSeconds,
  connected,
}: {
  orgSlug: string;
  url: string;
  timeoutSeconds: number;
  connected: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [generated, setGenerated] = useState<string | null>(null);

  const save = (form: FormData) =>
    startTransition(async () => {
      const result = await saveRollbackHookAction({
        orgSlug,
        url: String(form.get("url") ?? ""),
        timeoutSeconds: Number(form.get("timeoutSeconds")),
        secret: String(form.get("secret") ?? ""),
        generateSecret: form.get("generateSecret") === "on",
      });
      setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setGenerated(result.ok ? result.data.generatedSecret : null);
      setOutcome(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.error });
    });

  const disconnect = () =>
    startTransition(async () => {
      const result = await disconnectRollbackHookAction({ orgSlug });
      setOutcome(result.ok ? { ok: true, text: "Disconnected." } : { ok: false, text: result.error });
    });

  const error = (name: string) =>
    fieldErrors[name] ? (
      <span id={`rollback-hook-${name}-error`} className="block text-xs text-red-600 dark:text-red-400">
        {fieldErrors[name]}
      </span>
    ) : null;

  return (
    <form action={save} className="space-y-3" aria-label="Rollback hook">
      <div>
        <InputField
          label="Endpoint URL"
          name="url"
          type="url"
          required
          defaultValue={url}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900"
          aria-invalid={fieldErrors.url ? true : undefined}
          aria-describedby={fieldErrors.url ? "rollback-hook-url-error" : undefined}
        />
        {error("url")}
      </div>
      <div>
        <InputField
          label="Timeout (seconds)"
          name="timeoutSeconds"
          type="number"
          min={1}
          max={30}
          required
          defaultValue={timeoutSeconds}
          aria-invalid={fieldErrors.timeoutSeconds ? true : undefined}
          aria-describedby={fieldErrors.timeoutSeconds ? "rollback-hook-timeoutSeconds-error" : undefined}
        />
        {error("timeoutSeconds")}
      </div>
      <div>
        <InputField
          label="Secret"
          name="secret"
          type="password"
          autoComplete="off"
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900"
          aria-invalid={fieldErrors.secret ? true : undefined}
          aria-describedby={fieldErrors.secret ? "rollback-hook-secret-error" : "rollback-hook-secret-hint"}
        />
        <span id="rollback-hook-secret-hint" className="block text-xs text-slate-500 dark:text-slate-400">
          {connected
            ? "Leave blank to keep the stored one; after changing the URL, enter or generate it again."
            : "At least 16 characters, or generate one below."}
        </span>
        {error("secret")}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="generateSecret" /> Generate a new secret (shown once)
      </label>
      {generated && (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          New secret — copy it into your deployment system now; Bosun will not show it again:{" "}
          <code className="break-all font-mono">{generated}</code>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton size="sm" pending={pending} pendingLabel="Saving…">
          Save rollback hook
        </SubmitButton>
        {connected && (
          <button type="button" className={SECONDARY} onClick={disconnect} disabled={pending}>
            Disconnect
          </button>
        )}
        <InlineOutcome outcome={outcome} />
      </div>
    </form>
  );
}

/** When the gate recommends a rollback. */
export function RollbackSettingsForm({ orgSlug, settings }: { orgSlug: string; settings: RollbackSettings }) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const save = (form: FormData) =>
    startTransition(async () => {
      const result = await saveRollbackSettingsAction({
        orgSlug,
        windowHours: Number(form.get("windowHours")),
        criticalIssueThreshold: Number(form.get("criticalIssueThreshold")),
        environment: String(form.get("environment") ?? ""),
        jiraProjectKey: String(form.get("jiraProjectKey") ?? ""),
      });
      setOutcome(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.error });
    });

  return (
    <form action={save} className="space-y-3" aria-label="Rollback gate settings">
      <InputField
        label="Window after a deploy (hours)"
        name="windowHours"
        type="number"
        min={1}
        max={720}
        required
        defaultValue={settings.windowHours}
      />
      <InputField
        label="New Critical issues that recommend a rollback"
        name="criticalIssueThreshold"
        type="number"
        min={1}
        max={1000}
        required
        defaultValue={settings.criticalIssueThreshold}
      />
      <InputField label="Environment" name="environment" required defaultValue={settings.environment} />
      <InputField
        label="Jira project of the blocker (blank: the release rules' project)"
        name="jiraProjectKey"
        defaultValue={settings.jiraProjectKey ?? ""}
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        A crash-free drop counts when it is larger than the release-health threshold (
        {DEFAULT_RELEASE_HEALTH_SETTINGS.regressionThresholdPoints} points, with at least{" "}
        {DEFAULT_RELEASE_HEALTH_SETTINGS.minSessions.toLocaleString("en")} sessions on both releases); any performance
        regression the scorecards flag counts too.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton size="sm" pending={pending} pendingLabel="Saving…">
          Save gate settings
        </SubmitButton>
        <InlineOutcome outcome={outcome} />
      </div>
    </form>
  );
}
