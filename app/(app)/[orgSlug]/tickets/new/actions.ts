"use server";

import { z } from "zod";
import { orgAction, type ActionResult } from "@/lib/platform/actions/org-action";
import { featureRequestSchema } from "@/lib/domain/requirements";
import type { CreationResult, TicketsPreview } from "@/lib/features/tickets";
import {
  creationSteps,
  findTicketsPreview,
  previewTickets,
  resendFailedCreationStep,
  runCreationStep,
} from "@/lib/features/tickets";
import type { StoredPreviewKind } from "../../stored-preview-steps";
import { batchStepOfKind, openStoredStep, previewStepsAction, stepOfKind } from "../../stored-preview-steps";

const STORED_FEATURE: StoredPreviewKind<TicketsPreview> = {
  stepsOf: creationSteps,
  page: "tickets/new",
  noun: { stored: "preview", again: "feature" },
};

export const previewTicketsAction = previewStepsAction(
  featureRequestSchema,
  "tickets:create",
  previewTickets,
  creationSteps,
);

const stepSchema = z.discriminatedUnion("kind", [
  stepOfKind("epic"),
  batchStepOfKind("stories"),
  batchStepOfKind("subtasks"),
  batchStepOfKind("sprint"),
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
    const opened = await openStoredStep(STORED_FEATURE, { org, sessionId }, input.step, () =>
      findTicketsPreview({ orgId: org.id, id: input.previewId }),
    );
    if ("refusal" in opened) return opened.refusal;
    const { preview } = opened;
    if (input.retry) await resendFailedCreationStep({ orgId: org.id, preview, step: input.step, actor, requestId });
    return { ok: true, data: await runCreationStep({ orgId: org.id, preview, step: input.step, actor, requestId }) };
  },
);
