import "server-only";
import {
  countWritesNeedingAttention,
  listRollbackGatesAwaitingDecision,
  listWritesNeedingAttention,
} from "@/lib/db/queries/overview";
import { countWritesByState, type AttentionCounts, type PanelFreshness } from "@/lib/domain/overview";
import { can, type Role } from "@/lib/domain/permissions";
import { canDecideRollback, type RollbackEvidence } from "@/lib/domain/rollback";
import { loadInbox, type InboxItem } from "@/lib/features/notifications";

/** How many of each kind the panel lists; the counts cover them all. */
export const ATTENTION_ITEMS_SHOWN = 3;
/** Failed writes older than this are no longer offered a retry (as on the automations page). */
const FAILED_WRITES_WINDOW_MS = 7 * 86_400_000;

export type AttentionWrite = {
  id: string;
  operation: string;
  payload: unknown;
  status: string;
  lastError: string | null;
  createdAt: Date;
};

export type AttentionRollback = { id: string; release: string; environment: string; raisedAt: Date; summary: string };

export type OverviewAttention = {
  counts: AttentionCounts;
  notifications: InboxItem[];
  failedWrites: AttentionWrite[];
  pendingWrites: AttentionWrite[];
  /** "org": every write of the org (who may see automations); "own": only the writes the viewer asked for. */
  writesScope: "org" | "own";
  rollbacks: AttentionRollback[];
  /** Rollbacks are listed only for those who may decide them. */
  canDecideRollbacks: boolean;
  freshness: PanelFreshness;
};

/**
 * What waits for the viewer: their unread notifications, outbound writes not yet applied or failed for good (the
 * org's for managers and admins, their own for members, as the automations page shows them) and, for those who
 * decide rollbacks, the recommended ones. PostgreSQL only, so always current.
 */
export async function loadOverviewAttention({
  orgId,
  userId,
  role,
  now = new Date(),
}: {
  orgId: string;
  userId: string;
  role: Role;
  now?: Date;
}): Promise<OverviewAttention> {
  const writesScope = can(role, "automations:view") ? "org" : "own";
  const scope = {
    orgId,
    actorId: writesScope === "own" ? userId : undefined,
    failedSince: new Date(now.getTime() - FAILED_WRITES_WINDOW_MS),
  };
  const canDecideRollbacks = canDecideRollback(role);
  const [inbox, writeCounts, writes, gates] = await Promise.all([
    loadInbox({ orgId, userId }),
    countWritesNeedingAttention(scope),
    listWritesNeedingAttention({ ...scope, take: ATTENTION_ITEMS_SHOWN }),
    canDecideRollbacks
      ? listRollbackGatesAwaitingDecision({ orgId, take: ATTENTION_ITEMS_SHOWN })
      : Promise.resolve({ gates: [], total: 0 }),
  ]);
  const { pending, failed } = countWritesByState(writeCounts);
  return {
    counts: {
      unreadNotifications: inbox.unread,
      pendingWrites: pending,
      failedWrites: failed,
      rollbacksAwaiting: gates.total,
    },
    notifications: inbox.latest.filter((item) => item.readAt === null).slice(0, ATTENTION_ITEMS_SHOWN),
    failedWrites: writes.failed,
    pendingWrites: writes.pending,
    writesScope,
    rollbacks: gates.gates.map((gate) => ({
      id: gate.id,
      release: gate.release,
      environment: gate.environment,
      raisedAt: gate.raisedAt,
      summary: (gate.evidence as unknown as RollbackEvidence).summary,
    })),
    canDecideRollbacks,
    freshness: { fetchedAt: now, stale: false, error: null },
  };
}
