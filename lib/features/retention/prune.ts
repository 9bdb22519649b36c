import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import {
  clearOldDeliveryPayloads,
  deleteEndedSessions,
  deleteExpiredCacheEntries,
  deleteOldAutomationRuns,
  deleteOldFinishedWrites,
  deleteExpiredSyncEchoes,
  deleteOldSyncActivity,
} from "@/lib/db/queries/retention";
import {
  DEFAULT_RETENTION_SETTINGS,
  NOTHING_PRUNED,
  describePruned,
  prunedAnything,
  retentionCutoffs,
  type RetentionCounts,
} from "@/lib/domain/retention";
import { getRetentionSettings } from "./settings";

const RETENTION_ACTOR = { type: "system" as const, id: null, label: "Daily retention" };

/**
 * One org's retention pass under its own settings. Writes one audit entry, with
 * the counts, when anything went; a pass that removed nothing leaves no trace
 * in the audit log. Old succeeded jobs are pruned by the job worker itself
 * (lib/jobs/worker.ts), so they are not repeated here.
 */
export async function pruneOrg({
  orgId,
  now,
  batchSize,
}: {
  orgId: string;
  now: Date;
  batchSize?: number;
}): Promise<RetentionCounts> {
  const settings = await getRetentionSettings({ orgId });
  const cutoffs = retentionCutoffs(settings, now);
  const counts: RetentionCounts = {
    deliveryPayloads: await clearOldDeliveryPayloads({ orgId, before: cutoffs.deliveryPayloadsBefore, batchSize }),
    automationRuns: await deleteOldAutomationRuns({ orgId, before: cutoffs.automationRunsBefore, batchSize }),
    finishedWrites: await deleteOldFinishedWrites({ orgId, before: cutoffs.finishedWritesBefore, batchSize }),
    cacheEntries: await deleteExpiredCacheEntries({ orgId, before: cutoffs.cacheExpiredBefore, batchSize }),
    sessions: await deleteEndedSessions({ orgId, before: cutoffs.sessionsCreatedBefore, batchSize }),
  };
  // The sync's run log keeps the automation run log's window; an echo is useless once it expired.
  const sync = {
    syncActivities: await deleteOldSyncActivity({ orgId, before: cutoffs.automationRunsBefore, batchSize }),
    syncEchoes: await deleteExpiredSyncEchoes({ orgId, before: now, batchSize }),
  };
  const syncPruned = sync.syncActivities + sync.syncEchoes > 0;
  if (prunedAnything(counts) || syncPruned) {
    const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    const syncSummary = `${plural(sync.syncActivities, "sync activity row", "sync activity rows")} and ${plural(sync.syncEchoes, "expired sync echo", "expired sync echoes")}`;
    await appendAuditEntry({
      orgId,
      actor: RETENTION_ACTOR,
      action: "org.retention_pruned",
      target: { type: "organization", id: orgId },
      summary: prunedAnything(counts)
        ? `${describePruned(counts)}${syncPruned ? `; ${syncSummary}` : ""}`
        : `Retention removed ${syncSummary}`,
      changes: { removed: syncPruned ? { ...counts, ...sync } : counts, settings },
    });
  }
  return counts;
}

/** Rows that belong to no org (WorkOS events before an org is known, sessions opened outside any org) under the default windows. */
export async function pruneOrgless({ now, batchSize }: { now: Date; batchSize?: number }): Promise<RetentionCounts> {
  const cutoffs = retentionCutoffs(DEFAULT_RETENTION_SETTINGS, now);
  return {
    ...NOTHING_PRUNED,
    deliveryPayloads: await clearOldDeliveryPayloads({
      orgId: null,
      before: cutoffs.deliveryPayloadsBefore,
      batchSize,
    }),
    sessions: await deleteEndedSessions({ orgId: null, before: cutoffs.sessionsCreatedBefore, batchSize }),
  };
}
