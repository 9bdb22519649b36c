import "server-only";
import { claimDueIntents, releaseExpiredIntentLeases } from "@/lib/db/system/outbox";
import { execute, leaseExpiry, type RetryClock, type WriteOutcome } from "./perform";

/**
 * One pass of the outbox worker: takes back intents whose process died
 * mid-write (their lease expired), then claims due pending intents — only the
 * oldest unfinished one per ordering key, so writes to one target apply in
 * order — and carries them out. SKIP LOCKED lets many workers share the table.
 */
export async function drainOutbox({ limit = 20, ...clock }: { limit?: number } & RetryClock = {}): Promise<
  WriteOutcome[]
> {
  const now = clock.now?.() ?? new Date();
  await releaseExpiredIntentLeases({ now });
  const claimed = await claimDueIntents({ now, limit, leaseUntil: leaseExpiry(now) });
  const outcomes: WriteOutcome[] = [];
  for (const id of claimed) outcomes.push(await execute(id, clock));
  return outcomes;
}
