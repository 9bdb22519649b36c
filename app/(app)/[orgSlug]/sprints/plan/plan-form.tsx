"use client";

import { useState, useTransition } from "react";
import { StepUpPrompt } from "@/components/step-up/step-up-prompt";
import { SubmitButton } from "@/components/ui/submit-button";
// Types only: the feature's index is server code, and `import type` keeps it out of the browser bundle.
import type { ApplyStep, SprintPlanPreview } from "@/lib/features/sprints";
import { applyPlanStepAction, previewPlanAction } from "./actions";
import { PlanPreview } from "./plan-preview";

type Defaults = { boardId: number; name: string; startDate: string; endDate: string; bufferPercent: number };
type Progress = {
  done: number;
  total: number;
  message: string;
  state: "running" | "done" | "stopped";
  stepUpUrl?: string;
};

const field =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

export function PlanForm({ orgSlug, defaults }: { orgSlug: string; defaults: Defaults }) {
  const [preview, setPreview] = useState<{ preview: SprintPlanPreview; steps: ApplyStep[] } | null>(null);
  const [errors, setErrors] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [pending, startTransition] = useTransition();

  function previewPlan(formData: FormData) {
    const text = (key: string) => String(formData.get(key) ?? "");
    setProgress(null);
    startTransition(async () => {
      const result = await previewPlanAction({
        orgSlug,
        boardId: defaults.boardId,
        name: text("name"),
        startDate: text("startDate"),
        endDate: text("endDate"),
        goal: text("goal"),
        bufferPercent: Number(text("bufferPercent")),
      });
      if (result.ok) {
        setPreview(result.data);
        setErrors(null);
      } else {
        setPreview(null);
        setErrors({ message: result.error, fields: result.fieldErrors ?? {} });
      }
    });
  }

  /** Runs the remaining steps in order; stops at the first that is not done, so "Resume" picks up there. */
  function apply(from: number) {
    if (!preview) return;
    const { steps } = preview;
    startTransition(async () => {
      for (let i = from; i < steps.length; i++) {
        setProgress({ done: i, total: steps.length, message: "Applying…", state: "running" });
        const result = await applyPlanStepAction({
          orgSlug,
          planId: preview.preview.id,
          step: steps[i] as ApplyStep,
          isLast: i === steps.length - 1,
        });
        if (!result.ok || result.data.status !== "done") {
          setProgress({
            done: i,
            total: steps.length,
            message: result.ok ? result.data.message : result.error,
            state: "stopped",
            stepUpUrl: result.ok ? undefined : result.stepUp?.url,
          });
          return;
        }
      }
      setProgress({ done: steps.length, total: steps.length, message: "Applied to Jira.", state: "done" });
    });
  }

  const fieldError = (name: string) =>
    errors?.fields[name] && (
      <span className="mt-1 block text-xs text-red-600 dark:text-red-400">{errors.fields[name]}</span>
    );

  return (
    <div className="space-y-6">
      <form action={previewPlan} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <label className="text-sm font-medium lg:col-span-2">
          Sprint name
          <input name="name" defaultValue={defaults.name} required className={field} />
          {fieldError("name")}
        </label>
        <label className="text-sm font-medium">
          Starts
          <input name="startDate" type="date" defaultValue={defaults.startDate} required className={field} />
          {fieldError("startDate")}
        </label>
        <label className="text-sm font-medium">
          Ends
          <input name="endDate" type="date" defaultValue={defaults.endDate} required className={field} />
          {fieldError("endDate")}
        </label>
        <label className="text-sm font-medium">
          Buffer (%)
          <input
            name="bufferPercent"
            type="number"
            min={0}
            max={50}
            defaultValue={defaults.bufferPercent}
            className={field}
          />
          {fieldError("bufferPercent")}
        </label>
        <label className="text-sm font-medium sm:col-span-2 lg:col-span-4">
          Goal (optional — drafted from the planned epics when empty)
          <input name="goal" maxLength={500} className={field} />
        </label>
        <div className="flex items-end">
          <SubmitButton
            pending={pending}
            pendingLabel={progress ? undefined : "Planning…"}
            size="lg"
            className="w-full"
          >
            Preview plan
          </SubmitButton>
        </div>
      </form>
      {errors && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors.message}
        </p>
      )}

      {preview && (
        <>
          <PlanPreview preview={preview.preview} />
          <div className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
            {progress?.stepUpUrl && <StepUpPrompt message={progress.message} url={progress.stepUpUrl} />}
            {progress && !progress.stepUpUrl && (
              <>
                <div
                  role="progressbar"
                  aria-label="Applying the plan"
                  aria-valuemin={0}
                  aria-valuemax={progress.total}
                  aria-valuenow={progress.done}
                  className="h-2 rounded-full bg-slate-100 dark:bg-slate-800"
                >
                  <div
                    className={`h-2 rounded-full ${progress.state === "stopped" ? "bg-amber-500" : "bg-emerald-600"}`}
                    style={{ width: `${(progress.done / progress.total) * 100}%` }}
                  />
                </div>
                <p role="status" className="text-sm">
                  {progress.done} of {progress.total} steps — {progress.message}
                </p>
              </>
            )}
            <div className="flex gap-2">
              {progress?.state === "stopped" ? (
                <button
                  type="button"
                  onClick={() => apply(progress.done)}
                  disabled={pending}
                  className="rounded-md bg-amber-600 px-4 py-2 text-sm font-medium text-white hover:bg-amber-700 disabled:opacity-60"
                >
                  Resume
                </button>
              ) : (
                <button
                  type="button"
                  onClick={() => apply(0)}
                  disabled={pending || progress?.state === "done"}
                  className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
                >
                  Apply to Jira
                </button>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
