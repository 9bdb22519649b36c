import { draftGoal } from "./draft-goal";
import { explainPlan } from "./explain-plan";
import { roundPoints } from "./limits";
import type { EstimatedIssue } from "./placement";
import { compareText, createPlanState, isEstimated } from "./plan-state";
import type { Assignment, LeftOut, PlanInput, PlanIssue, SprintPlan } from "./types";

/**
 * Drafts the next sprint within everyone's limit, capacity × (1 − buffer).
 *
 * Rank comes first: issues are planned in rank order until the first one that
 * does not fit; all of those are in. The rest of the backlog then fills the
 * room left, largest first (rank breaks ties), since the room is best used by
 * packing it rather than by rank. Passes repeat until nothing changes, as a
 * blocker planned late can let a skipped issue in.
 *
 * An issue nobody has room for may still fit once planned work moves: one
 * issue to someone else first, else the roomiest few people's work is packed
 * again with it, as balancing load scatters the room. Nothing planned is
 * dropped for it and work kept with its assignee stays put, so "does not fit"
 * above means no rearrangement tried (within a bounded search) made room.
 *
 * An issue whose blockers are not scheduled yet brings the unplanned ones
 * along, planned before it, and only if the whole group fits. Unestimated
 * issues are never planned. People are handled in accountId order, so their
 * input order does not matter.
 */
export function planSprint(input: PlanInput): SprintPlan {
  const { backlog, bufferPercent, goal } = input;
  const { slots, placements, isPlanned, isSatisfied, place } = createPlanState(input);

  let firstMiss = 0;
  while (firstMiss < backlog.length && place(backlog[firstMiss] as PlanIssue) !== "no room") firstMiss++;
  const fill = backlog
    .slice(firstMiss)
    .filter(isEstimated)
    .sort((a: EstimatedIssue, b: EstimatedIssue) => b.points - a.points);
  let hasChanged = true;
  while (hasChanged) {
    hasChanged = false;
    for (const issue of fill) if (place(issue) === "placed") hasChanged = true;
  }

  const assignments: Assignment[] = placements.map(({ issue, choice, blocks }) => ({
    key: issue.key,
    accountId: choice.slot.person.accountId,
    points: issue.points,
    reason: blocks === null ? choice.reason : `${choice.reason}; needed before ${blocks}`,
  }));
  const leftOut: LeftOut[] = backlog
    .filter((issue) => !isPlanned(issue.key))
    .map((issue) => ({ key: issue.key, reason: leftOutReason(issue, isSatisfied) }));
  const perPerson = [...slots]
    .sort((a, b) => compareText(a.person.name, b.person.name) || compareText(a.person.accountId, b.person.accountId))
    .map(({ person, limit, planned }) => ({
      accountId: person.accountId,
      name: person.name,
      capacityPoints: person.capacityPoints,
      limitPoints: limit,
      plannedPoints: roundPoints(planned),
    }));
  const plannedPoints = roundPoints(assignments.reduce((total, assignment) => total + assignment.points, 0));
  const givenGoal = goal?.trim() ?? "";
  return {
    assignments,
    leftOut,
    perPerson,
    plannedPoints,
    goal:
      givenGoal ||
      draftGoal(
        placements.map((placement) => placement.issue),
        backlog,
      ),
    explanations: explainPlan({
      backlog,
      placements: placements.map(({ issue, choice, blocks }) => ({ key: issue.key, isKept: choice.isKept, blocks })),
      leftOut,
      perPerson,
      plannedPoints,
      bufferPercent,
      isGoalGiven: givenGoal !== "",
    }),
  };
}

function leftOutReason(issue: PlanIssue, isSatisfied: (key: string) => boolean): LeftOut["reason"] {
  if (!isEstimated(issue)) return "no estimate";
  const missing = [...new Set(issue.blockedBy)].filter((key) => !isSatisfied(key));
  return missing.length > 0 ? `blocked by ${missing.join(", ")} (not done, not planned)` : "no capacity";
}
