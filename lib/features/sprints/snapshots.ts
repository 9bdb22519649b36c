import type { JiraSprint, JiraWorkItem } from "@/lib/integrations/jira";
import type { SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";

/**
 * Turning Jira's current state into sprint snapshots. Pure. Jira cannot tell
 * what a sprint held when it started, so snapshots are taken when Bosun first
 * sees a sprint active and when it sees it closed; sprints that closed before
 * Bosun was connected are backfilled from their issues (marked as such, and
 * left out of the interrupt rate, which they cannot know).
 */
const points = (items: { points: number | null }[]) => items.reduce((total, item) => total + (item.points ?? 0), 0);

export function snapshotItems(items: JiraWorkItem[], source: SnapshotIssues["source"]): SnapshotIssues {
  return {
    source,
    items: items.map((i) => ({
      key: i.key,
      points: i.points,
      assigneeAccountId: i.assigneeAccountId,
      statusCategory: i.statusCategory,
      component: i.components[0] ?? null,
      status: i.status,
      issueType: i.issueType,
      resolvedAt: i.resolvedAt,
      blocked: i.blockedBy.some((blocker) => blocker.statusCategory !== "done"),
    })),
  };
}

/** What a closed sprint committed and completed, from its issues as they are now. */
export function backfillClosedSprint(sprint: Pick<JiraSprint, "completeDate" | "endDate">, items: JiraWorkItem[]) {
  const end = Date.parse(sprint.completeDate ?? sprint.endDate ?? "") || Number.POSITIVE_INFINITY;
  const completed = items.filter(
    (i) => i.statusCategory === "done" && i.resolvedAt !== null && Date.parse(i.resolvedAt) <= end + 86_400_000,
  );
  return {
    committedPoints: points(items),
    completedPoints: points(completed),
    addedPoints: 0,
    removedPoints: 0,
    issues: snapshotItems(items, "backfill"),
  };
}

/**
 * A closed sprint's numbers: against its start snapshot when there is one, else backfilled from its issues. The
 * issues keep when the sprint closed, so a report runs to the close whenever the snapshot was taken.
 */
export function closeOfSprint(
  sprint: Pick<JiraSprint, "completeDate" | "endDate">,
  start: SnapshotIssues | null,
  items: JiraWorkItem[],
) {
  const numbers = start ? closeAgainstStart(start, items) : backfillClosedSprint(sprint, items);
  return { ...numbers, issues: { ...numbers.issues, closedAt: sprint.completeDate ?? null } };
}

/** A sprint's close compared with its start: what was added and removed along the way. */
export function closeAgainstStart(start: SnapshotIssues | null, items: JiraWorkItem[]) {
  const startKeys = new Set(start?.items.map((i) => i.key) ?? []);
  const nowKeys = new Set(items.map((i) => i.key));
  const added = start ? items.filter((i) => !startKeys.has(i.key)) : [];
  const removed = start ? start.items.filter((i) => !nowKeys.has(i.key)) : [];
  return {
    committedPoints: start ? points(start.items) : points(items),
    completedPoints: points(items.filter((i) => i.statusCategory === "done")),
    addedPoints: points(added),
    removedPoints: points(removed),
    issues: snapshotItems(items, "observed"),
  };
}

/** A sprint's planned dates, as snapshots keep them. */
export const sprintDates = (sprint: { startDate: string | null; endDate: string | null }) => ({
  sprintStart: sprint.startDate ? new Date(sprint.startDate) : null,
  sprintEnd: sprint.endDate ? new Date(sprint.endDate) : null,
});

/** A start snapshot's numbers: everything in the sprint is committed. */
export function startOfSprint(items: JiraWorkItem[]) {
  return {
    committedPoints: points(items),
    completedPoints: 0,
    addedPoints: 0,
    removedPoints: 0,
    issues: snapshotItems(items, "observed"),
  };
}
