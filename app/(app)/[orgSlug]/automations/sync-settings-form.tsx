"use client";

import { useId } from "react";
import { FeedbackMessage } from "@/components/ui/action-feedback";
import { CheckboxField } from "@/components/ui/form-field";
import type { SyncSettings } from "@/lib/domain/sync";
import { AdminOnlyNote, SaveButton, useSettingsSave } from "../settings/settings-form";
import { saveSyncSettingsAction } from "./sync-actions";

type Toggle = { name: keyof SyncSettings; label: string; hint: string };

const TOGGLES: Toggle[] = [
  {
    name: "jiraStatusToSentry",
    label: "Jira done resolves Sentry",
    hint: "Moving a ticket into done resolves its Sentry issue.",
  },
  {
    name: "unresolveOnReopen",
    label: "Jira reopen unresolves Sentry",
    hint: "Moving a ticket out of done unresolves it.",
  },
  {
    name: "sentryStatusToJira",
    label: "Sentry changes move the ticket",
    hint: "Resolved moves forward to done; regressions and archiving comment.",
  },
  {
    name: "assignees",
    label: "Assignees both ways",
    hint: "Matched by e-mail through Bosun's members; others are recorded as unmatched.",
  },
  { name: "comments", label: "Copy Sentry comments to Jira", hint: "Each once, marked with its author." },
  {
    name: "commitMessages",
    label: "“Fixes WEB-G” in merged pull requests",
    hint: "Resolves those Sentry issues in the next release.",
  },
];

const inputClass =
  "mt-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

export function SyncSettingsForm({
  orgSlug,
  initial,
  canEdit,
}: {
  orgSlug: string;
  initial: SyncSettings;
  canEdit: boolean;
}) {
  const { pending, feedback, fieldErrors, save } = useSettingsSave();
  const id = useId();

  function submit(formData: FormData) {
    const on = (name: keyof SyncSettings) => formData.get(name) === "on";
    save(() =>
      saveSyncSettingsAction({
        orgSlug,
        jiraStatusToSentry: on("jiraStatusToSentry"),
        resolveIn: String(formData.get("resolveIn")) as SyncSettings["resolveIn"],
        unresolveOnReopen: on("unresolveOnReopen"),
        sentryStatusToJira: on("sentryStatusToJira"),
        onRegression: String(formData.get("onRegression")) as SyncSettings["onRegression"],
        statusOrder: String(formData.get("statusOrder") ?? "")
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean),
        assignees: on("assignees"),
        comments: on("comments"),
        commitMessages: on("commitMessages"),
        conflictWindowMinutes: Number(String(formData.get("conflictWindowMinutes") ?? "").trim()),
      }),
    );
  }

  const error = (name: string) =>
    fieldErrors[name] ? <p className="mt-1 text-xs text-red-600 dark:text-red-400">{fieldErrors[name]}</p> : null;

  return (
    <form action={submit} className="space-y-4">
      <fieldset disabled={!canEdit || pending} className="space-y-4">
        <legend className="sr-only">Jira–Sentry sync settings</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {TOGGLES.map((toggle) => (
            <CheckboxField
              key={toggle.name}
              name={toggle.name}
              defaultChecked={initial[toggle.name] === true}
              labelClassName="flex items-start gap-2 text-sm"
            >
              <span>
                <span className="font-medium">{toggle.label}</span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">{toggle.hint}</span>
              </span>
            </CheckboxField>
          ))}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-resolveIn`} className="block text-sm font-medium">
              Resolve in Sentry
            </label>
            <select id={`${id}-resolveIn`} name="resolveIn" defaultValue={initial.resolveIn} className={inputClass}>
              <option value="now">at once</option>
              <option value="next_release">in the next release</option>
            </select>
            {error("resolveIn")}
          </div>
          <div>
            <label htmlFor={`${id}-onRegression`} className="block text-sm font-medium">
              On a regression
            </label>
            <select
              id={`${id}-onRegression`}
              name="onRegression"
              defaultValue={initial.onRegression}
              className={inputClass}
            >
              <option value="comment">comment only</option>
              <option value="reopen">comment and move back to the first status</option>
            </select>
            {error("onRegression")}
          </div>
          <div>
            <label htmlFor={`${id}-statusOrder`} className="block text-sm font-medium">
              Workflow, first to done (comma-separated)
            </label>
            <input
              id={`${id}-statusOrder`}
              name="statusOrder"
              defaultValue={initial.statusOrder.join(", ")}
              aria-invalid={fieldErrors.statusOrder ? true : undefined}
              className={`${inputClass} w-full`}
            />
            {error("statusOrder")}
          </div>
          <div>
            <label htmlFor={`${id}-window`} className="block text-sm font-medium">
              Conflict window (minutes)
            </label>
            <input
              id={`${id}-window`}
              name="conflictWindowMinutes"
              type="number"
              min={1}
              max={1440}
              step={1}
              required
              defaultValue={initial.conflictWindowMinutes}
              aria-invalid={fieldErrors.conflictWindowMinutes ? true : undefined}
              className={`${inputClass} w-32`}
            />
            {error("conflictWindowMinutes")}
          </div>
        </div>
      </fieldset>
      <SaveButton canEdit={canEdit} pending={pending} label="Save sync settings" busyLabel="Saving…" />
      <AdminOnlyNote canEdit={canEdit} />
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
