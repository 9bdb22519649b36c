"use client";

import { useState, useTransition } from "react";
import { FeedbackMessage, type Feedback } from "@/components/ui/action-feedback";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
// Types only: the feature's index is server code, and `import type` keeps it out of the browser bundle.
import type { PreviewRow, RuleView } from "@/lib/features/automations";
import { TableHead } from "@/components/ui/table-head";
import { deleteRuleAction, previewRuleAction, setRuleEnabledAction } from "./actions";
import { RuleForm } from "./rule-form";

const DECISION_STYLE: Record<string, string> = {
  skip: "text-slate-500 dark:text-slate-400",
  create_bug: "text-red-700 dark:text-red-400",
  comment: "text-brand-700 dark:text-brand-300",
  transition: "text-emerald-700 dark:text-emerald-400",
};

function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  if (rows.length === 0)
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400">No recent events of this kind to try it on yet.</p>
    );
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">What the rule would do with recent events</caption>
        <TableHead columns={["Event", "Would"]} dense />
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="py-1.5 pr-3">
                {row.event}
                {row.at && (
                  <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">
                    {row.at.slice(0, 19).replace("T", " ")}
                  </span>
                )}
              </td>
              <td className={`py-1.5 ${DECISION_STYLE[row.decision.kind] ?? ""}`}>
                {row.decision.kind === "skip" ? `Skip: ${row.decision.summary}` : row.decision.summary}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One rule: what it does, an on/off switch and an editor for admins, and a dry-run preview for everyone who can see it. */
export function RuleCard({ orgSlug, rule, canEdit }: { orgSlug: string; rule: RuleView; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();

  function runPreview(config?: Record<string, unknown>) {
    setFeedback(null);
    startTransition(async () => {
      const result = await previewRuleAction({ orgSlug, ruleId: rule.id, config });
      if (result.ok) setPreview(result.data);
      else setFeedback({ kind: "error", text: result.error });
    });
  }
  function toggle() {
    startTransition(async () => {
      const result = await setRuleEnabledAction({ orgSlug, ruleId: rule.id, enabled: !rule.enabled });
      setFeedback(result.ok ? null : { kind: "error", text: result.error });
    });
  }
  function remove() {
    startTransition(async () => {
      const result = await deleteRuleAction({ orgSlug, ruleId: rule.id });
      if (!result.ok) setFeedback({ kind: "error", text: result.error });
    });
  }

  return (
    <li
      className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      aria-labelledby={`rule-${rule.id}-name`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={`rule-${rule.id}-name`} className="font-medium">
            {rule.name}
          </h3>
          <p className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{rule.title}</p>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{rule.description}</p>
          {rule.problem && (
            <p role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
              {rule.problem}
            </p>
          )}
        </div>
        <div className="flex items-center gap-2">
          {canEdit ? (
            <button
              type="button"
              role="switch"
              aria-checked={rule.enabled}
              aria-label={`${rule.name} is ${rule.enabled ? "on" : "off"}`}
              onClick={toggle}
              disabled={pending}
              className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${rule.enabled ? "bg-emerald-600" : "bg-slate-300 dark:bg-slate-700"}`}
            >
              <span
                className={`inline-block h-5 w-5 rounded-full bg-white shadow transition ${rule.enabled ? "translate-x-5" : "translate-x-0.5"}`}
              />
            </button>
          ) : (
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${rule.enabled ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400"}`}
            >
              {rule.enabled ? "On" : "Off"}
            </span>
          )}
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => runPreview()}
          disabled={pending}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Preview with recent events
        </button>
        {canEdit && (
          <>
            <button
              type="button"
              aria-expanded={editing}
              onClick={() => setEditing(!editing)}
              className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              {editing ? "Close editor" : "Edit"}
            </button>
            <ConfirmDialog
              title={`Delete the rule “${rule.name}”?`}
              description="It stops acting on new events. Its run log stays."
              confirmLabel="Delete rule"
              pendingLabel="Deleting…"
              pending={pending}
              onConfirm={remove}
              trigger={(open) => (
                <button
                  type="button"
                  onClick={open}
                  disabled={pending}
                  className="rounded-md px-3 py-1 text-sm text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
                >
                  Delete
                </button>
              )}
            />
          </>
        )}
      </div>
      <FeedbackMessage feedback={feedback} />
      {editing && (
        <div className="mt-4 border-t border-slate-100 pt-4 dark:border-slate-800">
          <RuleForm
            orgSlug={orgSlug}
            kind={rule.kind}
            initial={{ ruleId: rule.id, name: rule.name, enabled: rule.enabled, config: rule.config }}
            onPreview={runPreview}
          />
        </div>
      )}
      {preview && (
        <div className="mt-4 border-t border-slate-100 pt-3 dark:border-slate-800" aria-live="polite">
          <h4 className="mb-2 text-sm font-medium">Preview: the last {preview.length} events</h4>
          <PreviewTable rows={preview} />
        </div>
      )}
    </li>
  );
}
