"use server";

import { z } from "zod";
import { isListedStep } from "@/lib/platform/actions/is-listed-step";
import { orgAction, type ActionResult } from "@/lib/platform/actions/org-action";
import { requireRecentSecondFactor } from "@/lib/platform/auth/step-up";
import { featureRequestSchema } from "@/lib/domain/requirements";
import { findIntent } from "@/lib/db/queries/outbox";
import { retryWrite } from "@/lib/platform/outbox/retry-write";
import {
  type CreationResult,
  type CreationStep,
  creationSteps,
  findTicketsPreview,
  previewTickets,
  runCreationStep,
  type TicketsPreview,
  writeKey,
} from "@/lib/features/tickets";

export const previewTicketsAction = orgAction(
  featureRequestSchema,
  "tickets:create",
  async ({ input, org, requestId }): Promise<ActionResult<{ preview: TicketsPreview; steps: CreationStep[] }>> => {
    const preview = await previewTickets({ orgId: org.id, request: input, requestId });
    if ("error" in preview) return { ok: false, error: preview.error };
    return { ok: true, data: { preview, steps: creationSteps(preview) } };
  },
);

const stepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("epic") }),
  z.object({ kind: z.literal("stories"), batch: z.number().int().min(0) }),
  z.object({ kind: z.literal("subtasks"), batch: z.number().int().min(0) }),
  z.object({ kind: z.literal("sprint"), batch: z.number().int().min(0) }),
]);

/**
 * One creation step of a stored preview; the browser names the step, never the
 * issues. `retry`: a step whose write failed for good is sent again (audited)
 * instead of returning its failure; any other step runs as usual.
 */
export const createTicketsStepAction = orgAction(
  z.object({
    previewId: z.string().regex(/^[0-9a-f]{24}$/, "is not a preview id"),
    step: stepSchema,
    retry: z.boolean().optional(),
  }),
  "tickets:create",
  async ({ input, org, sessionId, requestId, actor }): Promise<ActionResult<CreationResult>> => {
    const stepUp = await requireRecentSecondFactor({ org, sessionId }, `/${org.slug}/tickets/new`);
    if (stepUp) return stepUp;
    const preview = await findTicketsPreview({ orgId: org.id, id: input.previewId });
    if (!preview) return { ok: false, error: "This preview has expired. Preview the feature again." };
    if (!isListedStep(creationSteps(preview), input.step))
      return {
        ok: false,
        error: "step: is not a step of this preview",
        fieldErrors: { step: "is not a step of this preview" },
      };
    if (input.retry) {
      // Only a failed write is sent again; the step then reads its outcome as on any run.
      const failed = await findIntent({ orgId: org.id, idempotencyKey: writeKey(preview, input.step) });
      if (failed?.status === "failed" || failed?.status === "dead")
        await retryWrite({ orgId: org.id, intentId: failed.id, actor, requestId });
    }
    return { ok: true, data: await runCreationStep({ orgId: org.id, preview, step: input.step, actor, requestId }) };
  },
);
