/**
 * The Overview's "what needs me?": what waits for the viewer, counted, so the panel can say "all clear" only when
 * nothing does. Pure.
 */
export type AttentionCounts = {
  unreadNotifications: number;
  pendingWrites: number;
  failedWrites: number;
  /** Rollbacks recommended and waiting for a manager's decision (0 for someone who may not decide them). */
  rollbacksAwaiting: number;
};

export function attentionTotal(counts: AttentionCounts): number {
  return counts.unreadNotifications + counts.pendingWrites + counts.failedWrites + counts.rollbacksAwaiting;
}

export const isAllClear = (counts: AttentionCounts) => attentionTotal(counts) === 0;

/** Outbox states as the panel groups them: waiting to be sent, or failed for good (and so a person's to retry). */
export function countWritesByState(rows: readonly { status: string; count: number }[]): {
  pending: number;
  failed: number;
} {
  const sum = (statuses: string[]) =>
    rows.filter((r) => statuses.includes(r.status)).reduce((total, r) => total + r.count, 0);
  return { pending: sum(["pending"]), failed: sum(["failed", "dead"]) };
}
