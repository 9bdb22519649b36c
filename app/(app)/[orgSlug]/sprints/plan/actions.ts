"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isListedStep } from "@/lib/platform/actions/is-listed-step";
import { orgAction, type ActionResult } from "@/lib/platform/actions/org-action";
import { requireRecentSecondFactor } from "@/lib/platform/auth/step-up";
import {
  applyStep,
  applySteps,
  type ApplyStep,
  type StepResult,
  findPreview,
  planRequestSchema,
  previewPlan,
  type SprintPlanPreview,
} from "@/lib/features/sprints";

export const previewPlanAction = orgAction(
  planRequestSchema,
  "sprints:plan",
  async ({ input, org, requestId }): Promise<ActionResult<{ preview: SprintPlanPreview; steps: ApplyStep[] }>> => {
    const preview = await previewPlan({ orgId: org.id, request: input, requestId });
    if ("error" in preview) return { ok: false, error: preview.error };
    return { ok: true, data: { preview, steps: applySteps(preview) } };
  },
);

const stepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sprint") }),
  z.object({ kind: z.literal("move"), batch: z.number().int().min(0) }),
  z.object({ kind: z.literal("assign"), batch: z.number().int().min(0) }),
]);

export const applyPlanStepAction = orgAction(
  z.object({ planId: z.string().regex(/^[0-9a-f]{24}$/, "is not a plan id"), step: stepSchema, isLast: z.boolean() }),
  "sprints:plan",
  async ({ input, org, sessionId, requestId, actor }): Promise<ActionResult<StepResult>> => {
    const stepUp = await requireRecentSecondFactor({ org, sessionId }, `/${org.slug}/sprints/plan`);
    if (stepUp) return stepUp;
    // The plan applied is the one stored at preview time, never one sent by the browser.
    const preview = await findPreview({ orgId: org.id, id: input.planId });
    if (!preview) return { ok: false, error: "This preview has expired. Preview the plan again." };
    if (!isListedStep(applySteps(preview), input.step))
      return {
        ok: false,
        error: "step: is not a step of this plan",
        fieldErrors: { step: "is not a step of this plan" },
      };
    const result = await applyStep({ orgId: org.id, preview, step: input.step, actor, requestId });
    if (input.isLast) revalidatePath(`/${org.slug}/sprints`);
    return { ok: true, data: result };
  },
);
