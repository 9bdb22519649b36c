import type { DependencyConflict, DependencyConflictReason, HealthIssue, IssueBlocker } from "./health-types";

/**
 * Open issues of the active sprint that wait on an open issue outside it. A
 * blocker is "planned in a later sprint" when a later sprint lists it, or its
 * own sprint is a future one that has not reached its start date by `now` (or
 * has none yet). A future sprint whose date has passed without starting is not
 * a plan anybody follows, so that blocker, like one in the backlog, a closed
 * sprint or another board's active sprint, is "not done and not in this sprint".
 */
export function findDependencyConflicts({
  issues,
  sprintIssueKeysByLaterSprint,
  now,
}: {
  issues: HealthIssue[];
  sprintIssueKeysByLaterSprint: Record<string, string[]>;
  now: Date;
}): DependencyConflict[] {
  const inThisSprint = new Set(issues.map((issue) => issue.key));
  const inLaterSprint = new Set(Object.values(sprintIssueKeysByLaterSprint).flat());
  const conflicts: DependencyConflict[] = [];
  for (const issue of issues) {
    if (issue.statusCategory === "done") continue;
    for (const blocker of issue.blockedBy) {
      if (blocker.statusCategory === "done" || inThisSprint.has(blocker.key)) continue;
      conflicts.push({ key: issue.key, blockedBy: blocker.key, reason: conflictReason(blocker, inLaterSprint, now) });
    }
  }
  return conflicts;
}

function conflictReason(blocker: IssueBlocker, inLaterSprint: Set<string>, now: Date): DependencyConflictReason {
  if (inLaterSprint.has(blocker.key)) return "blocker planned in a later sprint";
  if (blocker.sprintState !== "future") return "blocker not done and not in this sprint";
  const startsAt = blocker.sprintStartDate === undefined ? Number.NaN : Date.parse(blocker.sprintStartDate);
  const startsLater = Number.isNaN(startsAt) || startsAt > now.getTime();
  return startsLater ? "blocker planned in a later sprint" : "blocker not done and not in this sprint";
}
