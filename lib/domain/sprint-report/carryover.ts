import type { ItemOutcome } from "./burn";
import type { ReportItem } from "./types";

/**
 * Why an unfinished issue carries over, from its status at the close: not started (status category "new"), in
 * review (a status named like review, QA or testing), blocked (flagged, or blocked by an issue not done), else in
 * progress. An issue the snapshot shows done but resolved after the close was finished later, outside the sprint.
 */
export type CarryoverReason = "not-started" | "in-review" | "blocked" | "in-progress" | "finished-later";

export const CARRYOVER_REASON_LABELS: Record<CarryoverReason, string> = {
  "not-started": "Not started",
  "in-review": "In review",
  blocked: "Blocked",
  "in-progress": "In progress",
  "finished-later": "Finished after the close",
};

export type CarryoverItem = {
  key: string;
  points: number | null;
  status: string | null;
  issueType: string | null;
  assigneeAccountId: string | null;
  reason: CarryoverReason;
  /** False for a snapshot that kept no status name: the reason rests on the status category alone. */
  statusKnown: boolean;
};

const REVIEW_STATUS = /review|\bqa\b|test/i;

export function carryoverReason(item: Pick<ReportItem, "statusCategory" | "status" | "blocked">): CarryoverReason {
  if (item.statusCategory === "done") return "finished-later";
  if (item.statusCategory === "new") return "not-started";
  if (item.status && REVIEW_STATUS.test(item.status)) return "in-review";
  if (item.blocked) return "blocked";
  return "in-progress";
}

/** The issues still in the sprint and not done at its end, with their reasons, largest first. */
export function carryover(outcomes: ItemOutcome[], items: ReportItem[]): CarryoverItem[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  return outcomes
    .filter((outcome) => outcome.inScope && !outcome.done)
    .map((outcome) => {
      const item = byKey.get(outcome.key);
      return {
        key: outcome.key,
        points: outcome.points,
        status: item?.status ?? null,
        issueType: item?.issueType ?? null,
        assigneeAccountId: item?.assigneeAccountId ?? null,
        // An issue only the scope changes know of has no status: it is at least in the sprint, not started.
        reason: carryoverReason(item ?? { statusCategory: "new" }),
        statusKnown: Boolean(item?.status),
      };
    })
    .sort((a, b) => (b.points ?? 0) - (a.points ?? 0) || a.key.localeCompare(b.key));
}

export function carryoverByReason(items: CarryoverItem[]) {
  const counts = new Map<CarryoverReason, { issues: number; points: number }>();
  for (const item of items) {
    const entry = counts.get(item.reason) ?? { issues: 0, points: 0 };
    entry.issues++;
    entry.points += item.points ?? 0;
    counts.set(item.reason, entry);
  }
  return [...counts].map(([reason, entry]) => ({ reason, ...entry }));
}
