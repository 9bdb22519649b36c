"use client";

import { useMemo, useState, useTransition } from "react";
import { FeedbackMessage, type Feedback } from "@/components/ui/action-feedback";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxField, SelectField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { markdownToHtml } from "@/lib/domain/release-notes/markdown-to-html";
import { explainUpstreamErrorText } from "@/lib/domain/upstream-messages";
// Types only: the feature's index is server code, and `import type` keeps it out of the browser bundle.
import type { NoteState } from "@/lib/features/release-notes";
import { generateReleaseNotesAction, publishReleaseNotesAction, saveReleaseNotesAction } from "./actions";

/** Jira's and Sentry's refusals in plain words first; the recorded text follows in brackets. */
const explained = (text: string) => explainUpstreamErrorText(text) ?? text;

type Variant = "internal" | "customer";

const BUTTON =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800";
const GROUPINGS = [
  { value: "component", label: "Component" },
  { value: "epic", label: "Epic" },
];
const LABELS: Record<Variant, string> = { internal: "Internal", customer: "Customer-facing" };

/** Editable Markdown with a live preview, revisions, export, copy and publish. */
export function NotesEditor({
  orgSlug,
  version,
  notes,
  canEdit,
  unreleasedJiraVersions,
}: {
  orgSlug: string;
  version: string;
  notes: Record<Variant, NoteState>;
  canEdit: boolean;
  unreleasedJiraVersions: string[];
}) {
  const [variant, setVariant] = useState<Variant>("internal");
  const [texts, setTexts] = useState<Record<Variant, string>>({
    internal: notes.internal.draft,
    customer: notes.customer.draft,
  });
  const [groupBy, setGroupBy] = useState<"component" | "epic">("component");
  const [hideKeys, setHideKeys] = useState(true);
  const [markReleased, setMarkReleased] = useState(unreleasedJiraVersions.length > 0);
  const [closeCompleted, setCloseCompleted] = useState(true);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [writes, setWrites] = useState<{ summary: string; status: string }[]>([]);
  const [pending, startTransition] = useTransition();

  const note = notes[variant];
  const text = texts[variant];
  const latest = note.revisions[0];
  const dirty = !latest || latest.markdown !== text;
  const html = useMemo(() => markdownToHtml(text), [text]);
  const setText = (value: string) => setTexts({ ...texts, [variant]: value });

  function regenerate() {
    setFeedback(null);
    startTransition(async () => {
      const result = await generateReleaseNotesAction({
        orgSlug,
        version,
        variant,
        groupBy,
        hideKeysForCustomers: hideKeys,
      });
      if (!result.ok) return setFeedback({ kind: "error", text: explained(result.error) });
      setText(result.data.markdown);
      setFeedback({
        kind: "ok",
        text: `Generated: ${result.data.counts.features} features, ${result.data.counts.improvements} improvements, ${result.data.counts.fixes} fixes.`,
      });
    });
  }
  function save() {
    setFeedback(null);
    startTransition(async () => {
      const result = await saveReleaseNotesAction({ orgSlug, version, variant, markdown: text });
      setFeedback(
        result.ok
          ? {
              kind: "ok",
              text: result.data.unchanged
                ? "No changes since the last revision."
                : `Saved as revision ${result.data.revision}.`,
            }
          : { kind: "error", text: explained(result.error) },
      );
    });
  }
  function publish() {
    if (!latest) return;
    setFeedback(null);
    setWrites([]);
    startTransition(async () => {
      const result = await publishReleaseNotesAction({
        orgSlug,
        version,
        variant,
        revision: latest.revision,
        markJiraReleased: markReleased,
        closeCompleted,
      });
      if (!result.ok)
        return setFeedback({ kind: "error", text: explained(result.error), stepUpUrl: result.stepUp?.url });
      setWrites(result.data.writes);
      setFeedback({
        kind: result.data.status === "done" ? "ok" : result.data.status === "pending" ? "pending" : "error",
        text: explained(result.data.message),
      });
    });
  }
  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `release-notes-${version}-${variant}.md`;
    link.click();
    URL.revokeObjectURL(url);
  }
  async function copy() {
    await navigator.clipboard.writeText(text);
    setFeedback({ kind: "ok", text: "Copied to the clipboard." });
  }

  return (
    <div className="space-y-6">
      <div role="tablist" aria-label="Variant" className="flex gap-2">
        {(["internal", "customer"] as const).map((v) => (
          <button
            key={v}
            role="tab"
            type="button"
            aria-selected={variant === v}
            onClick={() => setVariant(v)}
            className={`rounded-full px-3 py-1 text-sm ${variant === v ? "bg-brand-600 text-white" : "border border-slate-300 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"}`}
          >
            {LABELS[v]}
          </button>
        ))}
      </div>

      <Card>
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            label="Group by"
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value as "component" | "epic")}
            options={GROUPINGS}
          />
          {variant === "customer" && (
            <CheckboxField checked={hideKeys} onChange={(e) => setHideKeys(e.target.checked)}>
              Hide Jira keys
            </CheckboxField>
          )}
          <ConfirmDialog
            title="Replace your unsaved edits with a fresh draft from Jira and Sentry?"
            description="The text in the editor is replaced. Saved revisions stay in the history."
            confirmLabel="Replace with a fresh draft"
            pendingLabel="Generating…"
            pending={pending}
            onConfirm={regenerate}
            trigger={(open) => (
              <button
                type="button"
                // Only edits that would be lost need confirming.
                onClick={dirty && note.saved ? open : regenerate}
                disabled={pending}
                className={BUTTON}
              >
                Regenerate from Jira and Sentry
              </button>
            )}
          />
          <span className="text-sm text-slate-500 dark:text-slate-400">
            {note.published
              ? `Published revision ${note.published.revision} on ${note.published.at.slice(0, 10)}`
              : "Not published"}
            {latest ? ` · latest revision ${latest.revision}${dirty ? " (unsaved changes)" : ""}` : " · not saved yet"}
          </span>
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Markdown">
          <label className="sr-only" htmlFor="notes-markdown">
            Release notes Markdown
          </label>
          <textarea
            id="notes-markdown"
            value={text}
            onChange={(e) => setText(e.target.value)}
            readOnly={!canEdit}
            rows={24}
            className="block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
          />
          <div className="mt-3 flex flex-wrap gap-2">
            {canEdit && (
              <SubmitButton type="button" onClick={save} pending={pending} disabled={!dirty}>
                Save revision
              </SubmitButton>
            )}
            <button type="button" onClick={download} className={BUTTON}>
              Export .md
            </button>
            <button type="button" onClick={copy} className={BUTTON}>
              Copy to clipboard
            </button>
          </div>
          <FeedbackMessage feedback={feedback} />
        </Card>
        <Card title="Preview">
          {/* markdownToHtml escapes all text and only emits its own tags and http(s) links. */}
          <div
            aria-live="polite"
            className="release-notes space-y-2 text-sm [&_a]:text-brand-700 [&_a]:underline dark:[&_a]:text-brand-300 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-2 [&_h3]:font-medium [&_ul]:list-disc [&_ul]:pl-5"
            dangerouslySetInnerHTML={{ __html: html }}
          />
        </Card>
      </div>

      {canEdit && (
        <Card title="Publish">
          <div className="space-y-2 text-sm">
            <CheckboxField
              labelClassName="flex items-center gap-2"
              checked={markReleased}
              onChange={(e) => setMarkReleased(e.target.checked)}
            >
              Mark the Jira version released today
              {unreleasedJiraVersions.length > 0
                ? ` (${unreleasedJiraVersions.join(", ")} unreleased)`
                : " (already released)"}
            </CheckboxField>
            <CheckboxField
              labelClassName="flex items-center gap-2"
              checked={closeCompleted}
              onChange={(e) => setCloseCompleted(e.target.checked)}
            >
              Close the release&apos;s completed issues (In Review → Done)
            </CheckboxField>
            <SubmitButton type="button" onClick={publish} pending={pending} disabled={!latest || dirty}>
              {latest ? `Publish revision ${latest.revision}` : "Save before publishing"}
            </SubmitButton>
            {dirty && latest && (
              <p className="text-xs text-slate-500 dark:text-slate-400">
                Save your changes first; the published text is always a saved revision.
              </p>
            )}
            {writes.length > 0 && (
              <ul className="mt-2 space-y-1" aria-label="Jira changes">
                {writes.map((w) => (
                  <li key={w.summary}>
                    {w.summary} —{" "}
                    <span
                      className={
                        w.status === "succeeded"
                          ? "text-emerald-700 dark:text-emerald-400"
                          : w.status === "pending"
                            ? "text-amber-700 dark:text-amber-300"
                            : "text-red-600 dark:text-red-400"
                      }
                    >
                      {w.status}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Card>
      )}

      {note.revisions.length > 0 && (
        <Card title="History">
          <ul className="space-y-1 text-sm">
            {note.revisions.map((r) => (
              <li key={r.revision} className="flex items-center justify-between gap-3">
                <span>
                  Revision {r.revision} · {r.at.slice(0, 16).replace("T", " ")} UTC
                  {note.published?.revision === r.revision ? " · published" : ""}
                </span>
                <button
                  type="button"
                  onClick={() => setText(r.markdown)}
                  className="text-brand-600 hover:underline dark:text-brand-300"
                >
                  Load revision {r.revision}
                </button>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
