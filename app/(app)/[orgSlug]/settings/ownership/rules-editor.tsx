"use client";

import { useId, useState } from "react";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RowButton } from "@/components/ui/row-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { importOwnershipAction, saveOwnershipRulesAction } from "./actions";
import { RuleTester } from "./rule-tester";
import { ActionMessageLine, useActionMessage } from "./use-action-message";

type LineNote = { line: number; message: string };

/** The `raw.<line>` field errors a refused save names, back into line notes. */
function lineErrorsOf(fieldErrors: Record<string, string>): LineNote[] {
  return Object.entries(fieldErrors).flatMap(([field, message]) => {
    const m = /^raw\.(\d+)$/.exec(field);
    return m ? [{ line: Number(m[1]), message }] : [];
  });
}

/**
 * One Sentry project's rules: the text (editable by admins and managers), the
 * lines that cannot be read or name nobody — listed next to the field and
 * tied to it — "Import from Sentry", and the tester.
 */
export function RulesEditor({
  orgSlug,
  projectSlug,
  raw,
  errors,
  warnings,
  provenance,
  canEdit,
  sentryConnected,
}: {
  orgSlug: string;
  projectSlug: string;
  raw: string;
  errors: LineNote[];
  warnings: LineNote[];
  provenance: string;
  canEdit: boolean;
  sentryConnected: boolean;
}) {
  const ids = useId();
  const [text, setText] = useState(raw);
  const [warningsAfterSave, setWarningsAfterSave] = useState<LineNote[] | null>(null);
  // When the stored rules change under the field (an import, a save elsewhere), the field shows them.
  const [shownRaw, setShownRaw] = useState(raw);
  if (raw !== shownRaw) {
    setShownRaw(raw);
    setText(raw);
    setWarningsAfterSave(null);
  }
  const save = useActionMessage();
  const importing = useActionMessage();
  const refused = save.message?.kind === "error" ? lineErrorsOf(save.message.fieldErrors) : [];
  // After a refused save its errors are the current ones; otherwise the stored text's.
  const lineErrors = save.message?.kind === "error" ? refused : save.message ? [] : errors;
  const lineWarnings = warningsAfterSave ?? warnings;
  const notesId = `${ids}-notes`;
  const importRules = () => importing.run(() => importOwnershipAction({ orgSlug, projectSlug }));
  const textId = `${ids}-rules`;

  return (
    <Card title={`Rules for ${projectSlug}`}>
      <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">{provenance}</p>
      <form
        aria-label={`Ownership rules for ${projectSlug}`}
        action={() =>
          save.run(
            () => saveOwnershipRulesAction({ orgSlug, projectSlug, raw: text }),
            (data) => setWarningsAfterSave(data.warnings),
          )
        }
        className="space-y-2"
      >
        <label htmlFor={textId} className="text-sm font-medium">
          Rules (one per line)
        </label>
        <textarea
          id={textId}
          name="raw"
          value={text}
          onChange={(e) => setText(e.target.value)}
          readOnly={!canEdit}
          rows={Math.min(16, Math.max(4, text.split("\n").length + 1))}
          spellCheck={false}
          aria-invalid={lineErrors.length > 0}
          aria-describedby={lineErrors.length + lineWarnings.length > 0 ? notesId : undefined}
          className="block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900"
          placeholder={"path:src/checkout/* #payments\nurl:*/api/orders* ada@acme.test"}
        />
        {lineErrors.length + lineWarnings.length > 0 && (
          <ul id={notesId} className="space-y-0.5 text-xs">
            {lineErrors.map((e) => (
              <li key={`e${e.line}`} className="text-red-600 dark:text-red-400">
                Line {e.line}: {e.message}
              </li>
            ))}
            {lineWarnings.map((w) => (
              <li key={`w${w.line}`} className="text-amber-700 dark:text-amber-300">
                Line {w.line} names nobody here: {w.message}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton pending={save.pending} pendingLabel="Saving…">
              Save rules for {projectSlug}
            </SubmitButton>
            <ConfirmDialog
              title={`Replace the rules for ${projectSlug} with the ones in Sentry?`}
              description="The text in the field, saved or not, is replaced by the ownership rules Sentry holds for this project."
              confirmLabel="Replace with Sentry's rules"
              pendingLabel="Importing…"
              pending={importing.pending}
              onConfirm={importRules}
              trigger={(open) => (
                <RowButton
                  disabled={importing.pending || !sentryConnected}
                  // Nothing is lost when the field is empty, so there is nothing to confirm.
                  onClick={text.trim() === "" ? importRules : open}
                >
                  {importing.pending ? "Importing…" : `Import ${projectSlug} from Sentry`}
                </RowButton>
              )}
            />
          </div>
        )}
        <ActionMessageLine message={save.message} />
        <ActionMessageLine message={importing.message} />
      </form>
      <RuleTester orgSlug={orgSlug} projectSlug={projectSlug} raw={text} disabled={!sentryConnected} />
    </Card>
  );
}
