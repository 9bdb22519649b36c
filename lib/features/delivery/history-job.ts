import "server-only";
import { z } from "zod";
import { claimHistoryBackfill, getHistoryBackfill } from "@/lib/db/queries/delivery-history";
import { listOrgIdsWithHistory } from "@/lib/db/system/delivery-history-orgs";
import { enqueueJob, enqueuePerOrgSlot, type JobRecord } from "@/lib/platform/jobs";
import { backfillDeliveryHistory } from "./backfill";
import { DELIVERY_HISTORY_INTERVAL_MS, DELIVERY_HISTORY_QUEUE, SENTRY_DEPLOYS_SOURCE } from "./constants";

export type HistoryState = {
  /** "filling" until the first fill completes. */
  status: "filling" | "ready";
  completedAt: Date | null;
  reachedBack: Date | null;
  note: string | null;
  updatedAt: Date | null;
};

/**
 * The org's delivery history as the page and the tool find it. The first time anyone needs it, the first fill is
 * queued (exactly once, however many ask at the same moment); until it completes, the state says "filling" with
 * what is done.
 */
export async function ensureDeliveryHistory({ orgId }: { orgId: string }): Promise<HistoryState> {
  const source = SENTRY_DEPLOYS_SOURCE;
  let row = await getHistoryBackfill({ orgId, source });
  if (!row) {
    if (await claimHistoryBackfill({ orgId, source })) {
      await enqueueJob({
        queue: DELIVERY_HISTORY_QUEUE,
        orgId,
        payload: { orgId },
        singletonKey: `delivery-history:${orgId}:first`,
        maxAttempts: 3,
      });
    }
    row = await getHistoryBackfill({ orgId, source });
  }
  return {
    status: row?.completedAt ? "ready" : "filling",
    completedAt: row?.completedAt ?? null,
    reachedBack: row?.reachedBack ?? null,
    note: row?.note ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Hourly catch-up for every org whose history was started: new releases and new deploys of known ones. */
export async function scheduleDeliveryHistory(now = Date.now()): Promise<number> {
  return enqueuePerOrgSlot({
    queue: DELIVERY_HISTORY_QUEUE,
    orgIds: await listOrgIdsWithHistory({ source: SENTRY_DEPLOYS_SOURCE }),
    intervalMs: DELIVERY_HISTORY_INTERVAL_MS,
    keyPrefix: "delivery-history",
    now,
  });
}

export async function deliveryHistoryJob(job: JobRecord): Promise<void> {
  const { orgId } = z.object({ orgId: z.string() }).parse(job.payload);
  await backfillDeliveryHistory({ orgId, requestId: `delivery-history-${job.id}` });
}
