import { enqueueJob } from "./queue";

/**
 * Queues one job per org for the current time slot of a periodic check
 * (release health, sprint reconciliation): every process's scheduler may call
 * this each minute, and the slot's singleton key keeps it to one job per org
 * per interval. Returns how many jobs it queued now.
 */
export async function enqueuePerOrgSlot({
  queue,
  orgIds,
  intervalMs,
  keyPrefix,
  now = Date.now(),
}: {
  queue: string;
  orgIds: string[];
  intervalMs: number;
  keyPrefix: string;
  now?: number;
}): Promise<number> {
  const slot = Math.floor(now / intervalMs);
  let queued = 0;
  for (const orgId of orgIds) {
    const { created } = await enqueueJob({
      queue,
      orgId,
      payload: { orgId },
      singletonKey: `${keyPrefix}:${orgId}:${slot}`,
      maxAttempts: 3,
    });
    if (created) queued++;
  }
  return queued;
}
