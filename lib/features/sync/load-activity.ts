import "server-only";
import { listRecentSyncActivity, type SyncActivityQuery } from "@/lib/db/queries/sync-activity";
import type { ConflictRecord, SyncDirection, SyncOutcome } from "@/lib/domain/sync";

/** One row of the sync's run log as the automations page shows it. */
export type SyncActivityRow = {
  id: string;
  occurredAt: Date;
  sentryShortId: string | null;
  sentryIssueId: string | null;
  jiraIssueKey: string | null;
  linked: boolean;
  direction: SyncDirection;
  field: string;
  trigger: string;
  outcome: SyncOutcome;
  detail: string | null;
  conflict: ConflictRecord | null;
};

/** The sync's log; `orderBy` is taken in SQL, so the `limit` rows are the first of that order (default: latest first). */
export async function loadSyncActivity(query: SyncActivityQuery): Promise<SyncActivityRow[]> {
  const rows = await listRecentSyncActivity(query);
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt,
    sentryShortId: row.sentryShortId,
    sentryIssueId: row.sentryIssueId,
    jiraIssueKey: row.jiraIssueKey,
    linked: row.linkId !== null,
    direction: row.direction,
    field: row.field,
    trigger: row.trigger,
    outcome: row.outcome,
    detail: row.detail,
    conflict: row.conflict as ConflictRecord | null,
  }));
}
