"use client";

import { useState, useTransition } from "react";
import { FeedbackMessage, type Feedback } from "@/components/ui/action-feedback";
import { Card } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { parseStoriesMarkdown } from "@/lib/domain/requirements/markdown";
import { explainUpstreamErrorText } from "@/lib/domain/upstream-messages";
// Types only: the feature's index is server code, and `import type` keeps it out of the browser bundle.
import type { CreationStep, TicketsPreview } from "@/lib/features/tickets";
import { createTicketsStepAction, previewTicketsAction } from "./actions";
import { EMPTY_STORY, type StoryDraft, StoryEditor } from "./story-editor";
import { TicketsPreviewView } from "./tickets-preview";

/** Jira's refusals in plain words first; the recorded text follows in brackets. */
const explained = (text: string) => explainUpstreamErrorText(text, {}, "jira") ?? text;

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900";
const PRIORITIES = ["Highest", "High", "Medium", "Low", "Lowest"] as const;
const list = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-*+]\s*(\[[ xX]\]\s*)?/, "").trim())
    .filter(Boolean);

/** A blank estimate is "not estimated"; anything else is sent as a number for the server to check. */
const estimate = (text: string) => (text.trim() === "" ? null : Number(text.trim()));

/** A box for a comma-separated list; `errors` are the messages about its items, each shown under it. */
function CommaSeparatedField({
  label,
  value,
  onChange,
  errors = [],
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: [string, string][];
}) {
  return (
    <label className="text-sm font-medium sm:col-span-3">
      {label} <span className="font-normal text-slate-500 dark:text-slate-400">(comma-separated)</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={INPUT}
        aria-invalid={errors.length > 0 ? true : undefined}
      />
      {errors.map(([key, message]) => (
        <span key={key} className="mt-1 block text-xs font-normal text-red-600 dark:text-red-400">
          {message}
        </span>
      ))}
    </label>
  );
}

export function FeatureForm({ orgSlug, projects }: { orgSlug: string; projects: string[] }) {
  const [feature, setFeature] = useState({
    name: "",
    businessValue: "",
    priority: "Medium",
    labels: "",
    components: "",
    jiraProjectKey: projects[0] ?? "",
    targetSprint: true,
  });
  const [stories, setStories] = useState<StoryDraft[]>([{ ...EMPTY_STORY }]);
  const [pasted, setPasted] = useState("");
  const [pasteErrors, setPasteErrors] = useState<{ line: number; message: string }[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [preview, setPreview] = useState<{ preview: TicketsPreview; steps: CreationStep[] } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; running: boolean }>({
    done: 0,
    total: 0,
    running: false,
  });
  const [created, setCreated] = useState(new Map<string, { key: string; url: string }>());
  const [pending, startTransition] = useTransition();

  const edit = (changes: Partial<typeof feature>) => {
    setFeature({ ...feature, ...changes });
    setPreview(null);
  };
  const editStories = (next: StoryDraft[]) => {
    setStories(next);
    setPreview(null);
  };

  function importPasted() {
    const parsed = parseStoriesMarkdown(pasted);
    setPasteErrors(parsed.errors);
    if (parsed.stories.length === 0) return;
    const drafts = parsed.stories.map((s) => ({
      title: s.title,
      acceptanceCriteria: s.acceptanceCriteria,
      estimate: s.estimate === null ? "" : String(s.estimate),
      component: s.component ?? "",
      checklist: s.checklist.join("\n"),
    }));
    const kept = stories.filter((s) => s.title.trim() || s.acceptanceCriteria.trim() || s.checklist.trim());
    editStories([...kept, ...drafts]);
    if (parsed.errors.length === 0) setPasted("");
  }

  function request() {
    return {
      orgSlug,
      name: feature.name,
      businessValue: feature.businessValue,
      priority: feature.priority as (typeof PRIORITIES)[number],
      labels: list(feature.labels),
      components: list(feature.components),
      jiraProjectKey: feature.jiraProjectKey,
      targetSprint: feature.targetSprint,
      stories: stories.map((s) => ({
        title: s.title,
        acceptanceCriteria: s.acceptanceCriteria,
        estimate: estimate(s.estimate),
        component: s.component.trim() || null,
        checklist: lines(s.checklist),
      })),
    };
  }

  function runPreview() {
    setFeedback(null);
    setCreated(new Map());
    setProgress({ done: 0, total: 0, running: false });
    startTransition(async () => {
      const result = await previewTicketsAction(request());
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFeedback({ kind: "error", text: result.error });
        return;
      }
      setErrors({});
      setPreview(result.data);
    });
  }

  /** Runs the steps in order; `retry` sends a step that failed for good again instead of showing its failure. */
  async function create(retry = false) {
    if (!preview) return;
    const { steps } = preview;
    setProgress({ done: 0, total: steps.length, running: true });
    setFeedback(null);
    const found = new Map(created);
    for (const [index, step] of steps.entries()) {
      const result = await createTicketsStepAction({
        orgSlug,
        previewId: preview.preview.id,
        step,
        ...(retry ? { retry } : {}),
      });
      if (!result.ok) {
        setFeedback({ kind: "error", text: explained(result.error), stepUpUrl: result.stepUp?.url });
        break;
      }
      for (const issue of result.data.created) found.set(issue.ref, { key: issue.key, url: issue.url });
      setCreated(new Map(found));
      setProgress({ done: index + 1, total: steps.length, running: index + 1 < steps.length });
      if (result.data.status !== "done") {
        setFeedback({
          kind: result.data.status === "pending" ? "pending" : "error",
          text: explained(result.data.message),
        });
        break;
      }
      if (index === steps.length - 1)
        setFeedback({ kind: "ok", text: `Created ${found.size} issues in ${preview.preview.request.jiraProjectKey}.` });
    }
    setProgress((p) => ({ ...p, running: false }));
  }

  const fieldError = (name: string) =>
    errors[name] ? (
      <span className="mt-1 block text-xs font-normal text-red-600 dark:text-red-400">{errors[name]}</span>
    ) : null;
  const finished = progress.total > 0 && progress.done === progress.total;
  // A step failed (not merely waiting for Jira): the button sends it again rather than repeating its failure.
  const failedStep = progress.total > 0 && !progress.running && feedback?.kind === "error" && !feedback.stepUpUrl;

  return (
    <div className="space-y-6">
      <Card title="Feature">
        <div className="grid gap-3 sm:grid-cols-6">
          <label className="text-sm font-medium sm:col-span-4">
            Name
            <input
              value={feature.name}
              onChange={(e) => edit({ name: e.target.value })}
              className={INPUT}
              aria-invalid={errors.name ? true : undefined}
            />
            {fieldError("name")}
          </label>
          <label className="text-sm font-medium">
            Jira project
            {projects.length > 0 ? (
              <select
                value={feature.jiraProjectKey}
                onChange={(e) => edit({ jiraProjectKey: e.target.value })}
                className={INPUT}
              >
                {projects.map((key) => (
                  <option key={key}>{key}</option>
                ))}
              </select>
            ) : (
              <input
                value={feature.jiraProjectKey}
                onChange={(e) => edit({ jiraProjectKey: e.target.value })}
                className={INPUT}
              />
            )}
            {fieldError("jiraProjectKey")}
          </label>
          <label className="text-sm font-medium">
            Priority
            <select value={feature.priority} onChange={(e) => edit({ priority: e.target.value })} className={INPUT}>
              {PRIORITIES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium sm:col-span-6">
            Business value
            <textarea
              value={feature.businessValue}
              onChange={(e) => edit({ businessValue: e.target.value })}
              rows={2}
              className={INPUT}
            />
            {fieldError("businessValue")}
          </label>
          <CommaSeparatedField
            label="Labels"
            value={feature.labels}
            onChange={(labels) => edit({ labels })}
            errors={Object.entries(errors).filter(([k]) => k.startsWith("labels"))}
          />
          <CommaSeparatedField
            label="Components"
            value={feature.components}
            onChange={(components) => edit({ components })}
          />
          <CheckboxField
            labelClassName="flex items-center gap-2 text-sm sm:col-span-6"
            checked={feature.targetSprint}
            onChange={(e) => edit({ targetSprint: e.target.checked })}
          >
            Suggest a sprint with room for it
          </CheckboxField>
        </div>
      </Card>

      <Card title={`Stories (${stories.length})`}>
        <div className="space-y-4">
          {fieldError("stories")}
          {stories.map((story, index) => (
            <StoryEditor
              key={index}
              index={index}
              story={story}
              errors={errors}
              onChange={(next) => editStories(stories.map((s, i) => (i === index ? next : s)))}
              onRemove={stories.length > 1 ? () => editStories(stories.filter((_, i) => i !== index)) : undefined}
            />
          ))}
          <button
            type="button"
            onClick={() => editStories([...stories, { ...EMPTY_STORY }])}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            Add a story
          </button>
          <details className="rounded-lg border border-dashed border-slate-300 p-3 dark:border-slate-700">
            <summary className="cursor-pointer text-sm font-medium">Paste stories as Markdown</summary>
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              One <code>##</code> heading per story, then <code>Estimate:</code>, <code>Component:</code>,{" "}
              <code>Acceptance criteria:</code> and <code>Checklist:</code> with bullet lines — or a plain bullet list
              such as <code>- Booking reminders (3)</code>.
            </p>
            <label className="mt-2 block text-sm font-medium">
              Stories in Markdown
              <textarea
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
                rows={8}
                className={`${INPUT} font-mono`}
              />
            </label>
            {pasteErrors.length > 0 && (
              <ul role="alert" className="mt-2 space-y-0.5 text-xs text-red-600 dark:text-red-400">
                {pasteErrors.map((e) => (
                  <li key={`${e.line}-${e.message}`}>
                    Line {e.line}: {e.message}
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              onClick={importPasted}
              disabled={!pasted.trim()}
              className="mt-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Add these stories
            </button>
          </details>
        </div>
      </Card>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton
          type="button"
          onClick={runPreview}
          pending={pending}
          pendingLabel="Previewing…"
          disabled={progress.running}
          size="lg"
        >
          Preview
        </SubmitButton>
        <FeedbackMessage feedback={!preview ? feedback : null} />
      </div>

      {preview && (
        <Card title="Preview">
          <TicketsPreviewView preview={preview.preview} created={created} />
          <div className="mt-5 space-y-3">
            {progress.total > 0 && (
              <div>
                <div
                  className="h-2 rounded-full bg-slate-100 dark:bg-slate-800"
                  role="progressbar"
                  aria-label="Creating in Jira"
                  aria-valuemin={0}
                  aria-valuemax={progress.total}
                  aria-valuenow={progress.done}
                >
                  <div
                    className="h-2 rounded-full bg-brand-600 transition-all"
                    style={{ width: `${(progress.done / progress.total) * 100}%` }}
                  />
                </div>
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  Step {progress.done} of {progress.total}
                </p>
              </div>
            )}
            {!finished && (
              <SubmitButton type="button" onClick={() => create(failedStep)} pending={progress.running} size="lg">
                {progress.running
                  ? "Creating…"
                  : failedStep
                    ? "Retry"
                    : progress.total > 0
                      ? "Resume"
                      : `Create ${preview.preview.plan.totals.issues} issues in Jira`}
              </SubmitButton>
            )}
            <FeedbackMessage feedback={feedback} />
          </div>
        </Card>
      )}
    </div>
  );
}
