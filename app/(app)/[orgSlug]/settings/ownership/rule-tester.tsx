"use client";

import { useId, useState, useTransition } from "react";
import { FIELD_CLASS } from "@/components/ui/form-field";
import { RowButton } from "@/components/ui/row-button";
import { testOwnershipRuleAction } from "./actions";

type Outcome = { kind: "ok"; sentence: string; facts: string[] } | { kind: "error"; text: string } | null;

/** Tries the rules as they stand in the field (saved or not) against a real issue's latest event. */
export function RuleTester({
  orgSlug,
  projectSlug,
  raw,
  disabled,
}: {
  orgSlug: string;
  projectSlug: string;
  raw: string;
  disabled: boolean;
}) {
  const ids = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();

  function test(data: FormData) {
    const issue = String(data.get("issue") ?? "");
    setOutcome(null);
    startTransition(async () => {
      const result = await testOwnershipRuleAction({ orgSlug, projectSlug, raw, issue });
      setOutcome(result.ok ? { kind: "ok", ...result.data } : { kind: "error", text: result.error });
    });
  }

  return (
    <form
      action={test}
      aria-label={`Test the rules for ${projectSlug} against an issue`}
      className="mt-4 space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${ids}-issue`} className="text-sm font-medium">
          Test against issue
          <input
            id={`${ids}-issue`}
            name="issue"
            required
            maxLength={64}
            placeholder={`${projectSlug.toUpperCase()}-1`}
            aria-describedby={`${ids}-help`}
            className={`${FIELD_CLASS} font-mono`}
          />
        </label>
        <RowButton type="submit" disabled={pending || disabled}>
          {pending ? "Testing…" : "Test"}
        </RowButton>
      </div>
      <p id={`${ids}-help`} className="text-xs text-slate-500 dark:text-slate-400">
        A short id such as {projectSlug.toUpperCase()}-1. The rules in the field above are used, saved or not.
      </p>
      <div aria-live="polite">
        {outcome?.kind === "ok" && (
          <div className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800">
            <p className="font-medium">{outcome.sentence}</p>
            <ul className="mt-1 space-y-0.5 text-xs text-slate-600 dark:text-slate-300">
              {outcome.facts.map((line) => (
                <li key={line} className="break-all">
                  {line}
                </li>
              ))}
            </ul>
          </div>
        )}
        {outcome?.kind === "error" && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {outcome.text}
          </p>
        )}
      </div>
    </form>
  );
}
