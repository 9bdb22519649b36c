import "server-only";
import { z } from "zod";
import { countFailedRunsOfDelivery } from "@/lib/db/queries/automations";
import { retireFailedWritesOfRun } from "@/lib/db/queries/outbox-intents";
import { findRunWithRule } from "@/lib/db/system/automation-runs";
import { finishDelivery } from "@/lib/db/system/webhook-deliveries";
import type { AutomationEvent } from "@/lib/domain/automations";
import { PermanentJobError, RetryLaterError, type JobRecord } from "@/lib/platform/jobs";
import { runRule, secondsUntilRetry } from "./run-rules";

/** The queue's handler for "retry this run" from the run log: the same rule, the same event, the same trigger. */
export const RETRY_RUN_QUEUE = "automation.retry-run";
const payloadSchema = z.object({ runId: z.string().min(1) });

export async function retryRunJob(job: JobRecord): Promise<void> {
  const parsed = payloadSchema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError("The job names no run");
  const run = await findRunWithRule({ runId: parsed.data.runId });
  if (!run?.rule || !run.triggerKey) throw new PermanentJobError("The run or its rule no longer exists");
  // Writes of this run that failed for good would answer "failed" again under their idempotency keys, whatever
  // was fixed since; retire their keys (they stay in the run log) so the retry writes them anew.
  await retireFailedWritesOfRun({ orgId: run.orgId, runId: run.id });
  const result = await runRule({
    orgId: run.orgId,
    rule: run.rule,
    event: run.input as unknown as AutomationEvent,
    trigger: { key: run.triggerKey, deliveryId: run.deliveryId, requestId: `retry-${run.id}` },
    lastAttempt: job.attempts >= job.maxAttempts,
  });
  if (result.status === "pending" && result.waitingOn === "read") throw new Error(result.message ?? "a read failed");
  if (result.status === "pending")
    throw new RetryLaterError(result.message ?? "waiting for Jira", secondsUntilRetry([result]));
  if (run.deliveryId && result.status === "succeeded") {
    const stillFailing = await countFailedRunsOfDelivery({ orgId: run.orgId, deliveryId: run.deliveryId });
    if (stillFailing === 0) await finishDelivery({ id: run.deliveryId, status: "processed" });
  }
}
