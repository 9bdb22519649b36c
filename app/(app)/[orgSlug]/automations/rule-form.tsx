"use client";

import { useState, useTransition } from "react";
import { FeedbackMessage } from "@/components/ui/action-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AutomationKind } from "@/lib/domain/automations/rules";
import { saveRuleAction } from "./actions";
import { configFromForm, RULE_FIELDS, type RuleField } from "./rule-fields";

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900";

function FieldInput({ field, value, error, id }: { field: RuleField; value: unknown; error?: string; id: string }) {
  const describedBy = `${id}-hint`;
  const hint =
    "hint" in field && field.hint ? (
      <span id={describedBy} className="mt-1 block text-xs font-normal text-slate-500 dark:text-slate-400">
        {field.hint}
      </span>
    ) : null;
  const errorText = error ? (
    <span className="mt-1 block text-xs font-normal text-red-600 dark:text-red-400">{error}</span>
  ) : null;
  if (field.type === "checkbox") {
    return (
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name={field.name} defaultChecked={value === true} className="h-4 w-4" />
        {field.label}
        {errorText}
      </label>
    );
  }
  if (field.type === "choices") {
    const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
    return (
      <fieldset className="text-sm font-medium">
        <legend>{field.label}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {field.options.map((option) => (
            <label key={option} className="flex items-center gap-1.5 font-normal">
              <input
                type="checkbox"
                name={field.name}
                value={option}
                defaultChecked={chosen.has(option)}
                className="h-4 w-4"
              />
              {field.optionLabels?.[option] ?? option}
            </label>
          ))}
        </div>
        {errorText}
      </fieldset>
    );
  }
  const defaultValue =
    field.type === "list"
      ? Array.isArray(value)
        ? value.join(", ")
        : ""
      : value === null || value === undefined
        ? ""
        : String(value);
  return (
    <label className="text-sm font-medium">
      {field.label}
      <input
        name={field.name}
        type={field.type === "number" ? "number" : "text"}
        step={field.type === "number" ? (field.step ?? 1) : undefined}
        defaultValue={defaultValue}
        aria-describedby={hint ? describedBy : undefined}
        aria-invalid={error ? true : undefined}
        className={INPUT}
      />
      {hint}
      {errorText}
    </label>
  );
}

/** Creates a rule or edits one; field errors from the server are shown next to their field. */
export function RuleForm({
  orgSlug,
  kind,
  initial,
  onDone,
  onPreview,
}: {
  orgSlug: string;
  kind: AutomationKind;
  initial: { ruleId?: string; name: string; enabled: boolean; config: Record<string, unknown> };
  onDone?: () => void;
  onPreview?: (config: Record<string, unknown>) => void;
}) {
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);
  const [pending, startTransition] = useTransition();
  const formId = `rule-${initial.ruleId ?? kind}`;

  function submit(form: FormData) {
    const config = configFromForm(kind, form);
    startTransition(async () => {
      const result = await saveRuleAction({
        orgSlug,
        ruleId: initial.ruleId,
        kind,
        name: String(form.get("name") ?? ""),
        enabled: form.get("enabled") === "on",
        config,
      });
      if (result.ok) {
        setFeedback({ ok: true, text: initial.ruleId ? "Rule saved." : "Rule created." });
        onDone?.();
      } else setFeedback({ ok: false, text: result.error, fields: result.fieldErrors });
    });
  }

  return (
    <form action={submit} id={formId} className="space-y-3">
      <fieldset disabled={pending} className="grid gap-3 sm:grid-cols-2">
        <label className="text-sm font-medium">
          Name
          <input
            name="name"
            defaultValue={initial.name}
            required
            maxLength={80}
            className={INPUT}
            aria-invalid={feedback?.fields?.name ? true : undefined}
          />
          {feedback?.fields?.name && (
            <span className="mt-1 block text-xs font-normal text-red-600 dark:text-red-400">
              {feedback.fields.name}
            </span>
          )}
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="enabled" defaultChecked={initial.enabled} className="h-4 w-4" />
          On
        </label>
        {RULE_FIELDS[kind].map((field) => (
          <FieldInput
            key={field.name}
            id={`${formId}-${field.name}`}
            field={field}
            value={initial.config[field.name]}
            error={feedback?.fields?.[`config.${field.name}`]}
          />
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton pending={pending}>{initial.ruleId ? "Save rule" : "Create rule"}</SubmitButton>
        {onPreview && (
          <button
            type="button"
            disabled={pending}
            onClick={(event) => onPreview(configFromForm(kind, new FormData(event.currentTarget.form ?? undefined)))}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            Preview these settings
          </button>
        )}
      </div>
      <FeedbackMessage feedback={feedback && { kind: feedback.ok ? "ok" : "error", text: feedback.text }} />
    </form>
  );
}
