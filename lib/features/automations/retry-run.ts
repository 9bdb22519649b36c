import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { finishDelivery } from "@/lib/db/queries/webhook-deliveries";
import type { AutomationEvent } from "@/lib/domain/automations";
import { PermanentJobError, RetryLaterError, type JobRecord } from "@/lib/platform/jobs";
import { runRule, secondsUntilRetry } from "./run-rules";

/** The queue's handler for "retry this run" from the run log: the same rule, the same event, the same trigger. */
export const RETRY_RUN_QUEUE = "automation.retry-run";
const payloadSchema = z.object({ runId: z.string().min(1) });

export async function retryRunJob(job: JobRecord): Promise<void> {
  const parsed = payloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError("The job names no run");
  const run = await db.automationRun.findUnique({ where: { id: parsed.data.runId }, include: { rule: true } });
  if (!run?.rule || !run.triggerKey) throw new PermanentJobError("The run or its rule no longer exists");
  // Writes of this run that failed for good would answer "failed" again under their idempotency keys, whatever
  // was fixed since; retire their keys (they stay in the run log) so the retry writes them anew.
  await db.$executeRaw`UPDATE "OutboxIntent" SET "idempotencyKey" = "idempotencyKey" || '#retired:' || id WHERE "runId" = ${run.id} AND status IN ('failed', 'dead')`;
  const result = await runRule({
    orgId: run.orgId,
    rule: run.rule,
    event: run.input as unknown as AutomationEvent,
    trigger: { key: run.triggerKey, deliveryId: run.deliveryId, requestId: `retry-${run.id}` },
    lastAttempt: job.attempts >= job.maxAttempts,
  });
  if (result.status === "pending" && result.waitingOn === "read") throw new Error(result.message ?? "a read failed");
  if (result.status === "pending") throw new RetryLaterError(result.message ?? "waiting for Jira", secondsUntilRetry([result]));
  if (run.deliveryId && result.status === "succeeded") {
    const stillFailing = await db.automationRun.count({ where: { deliveryId: run.deliveryId, status: "failed" } });
    if (stillFailing === 0) await finishDelivery({ id: run.deliveryId, status: "processed" });
  }
}
