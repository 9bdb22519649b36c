import "server-only";
import { findIntent } from "@/lib/db/queries/outbox";
import type { UserActor } from "@/lib/platform/actions/org-action";
import { retryWrite } from "@/lib/platform/outbox/retry-write";
import { writeKey, type CreationStep, type TicketsPreview } from "./requirements";

/**
 * Sends a creation step's write again when it failed for good (audited as a retry); a step whose write is pending or
 * done is left alone. Running the step afterwards reads its outcome as on any run.
 */
export async function resendFailedCreationStep(request: {
  orgId: string;
  preview: TicketsPreview;
  step: CreationStep;
  actor: UserActor;
  requestId: string;
}): Promise<void> {
  const { orgId, actor, requestId } = request;
  const failed = await findIntent({ orgId, idempotencyKey: writeKey(request.preview, request.step) });
  if (failed?.status === "failed" || failed?.status === "dead")
    await retryWrite({ orgId, intentId: failed.id, actor, requestId });
}
