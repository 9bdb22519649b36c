// A directory event is recognised by its WorkOS event id, which is unique across orgs, so these take no orgId.
import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";

/**
 * Steps of one event's handling already done (AppliedEventStep), so a retry
 * after a failure midway does only what is left. A step is recorded in the
 * same transaction as its own writes where it has any, so "done" and "recorded"
 * cannot part.
 */
export type EventStep = "deactivate" | "revoke-sessions" | "audit";

export async function isStepDone({ eventId, step }: { eventId: string; step: EventStep }): Promise<boolean> {
  return (await db.appliedEventStep.count({ where: { eventId, step } })) > 0;
}

/** Records the step; false when it was already recorded (by an earlier attempt or a concurrent one). */
export async function markStepDone(
  { eventId, step }: { eventId: string; step: EventStep },
  client: Tx = db,
): Promise<boolean> {
  const { count } = await client.appliedEventStep.createMany({ data: [{ eventId, step }], skipDuplicates: true });
  return count === 1;
}
