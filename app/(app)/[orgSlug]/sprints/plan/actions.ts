"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type ActionResult } from "@/lib/platform/actions/org-action";
import type { SprintPlanPreview, StepResult } from "@/lib/features/sprints";
import { applyStep, applySteps, findPreview, planRequestSchema, previewPlan } from "@/lib/features/sprints";
import type { StoredPreviewKind } from "../../stored-preview-steps";
import { batchStepOfKind, openStoredStep, previewStepsAction, stepOfKind } from "../../stored-preview-steps";

const STORED_PLAN: StoredPreviewKind<SprintPlanPreview> = {
  stepsOf: applySteps,
  page: "sprints/plan",
  noun: { stored: "plan", again: "plan" },
};

export const previewPlanAction = previewStepsAction(planRequestSchema, "sprints:plan", previewPlan, applySteps);

const stepSchema = z.discriminatedUnion("kind", [
  stepOfKind("sprint"),
  batchStepOfKind("move"),
  batchStepOfKind("assign"),
]);

export const applyPlanStepAction = orgAction(
  z.object({ planId: z.string().regex(/^[0-9a-f]{24}$/, "is not a plan id"), step: stepSchema, isLast: z.boolean() }),
  "sprints:plan",
  async ({ input, org, sessionId, requestId, actor }): Promise<ActionResult<StepResult>> => {
    // The plan applied is the one stored at preview time, never one sent by the browser.
    const opened = await openStoredStep(STORED_PLAN, { org, sessionId }, input.step, () =>
      findPreview({ orgId: org.id, id: input.planId }),
    );
    if ("refusal" in opened) return opened.refusal;
    const result = await applyStep({ orgId: org.id, preview: opened.preview, step: input.step, actor, requestId });
    if (input.isLast) revalidatePath(`/${org.slug}/sprints`);
    return { ok: true, data: result };
  },
);
