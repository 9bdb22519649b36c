import { findDependencyConflicts } from "./dependency-conflicts";
import type { DependencyConflict, HealthIssue, HealthPerson } from "./health-types";
import { sumPoints } from "./points";
import { roundTo } from "./round";
import { compareWithStart, type ScopeChange, type SprintStartSnapshot } from "./scope-change";

export type SprintHealthInput = {
  /** The active sprint's issues as they are now. */
  issues: HealthIssue[];
  people: HealthPerson[];
  startSnapshot: SprintStartSnapshot | null;
  previousSprintKeys: string[];
  /** Issue keys of each sprint after this one, by sprint name. */
  sprintIssueKeysByLaterSprint: Record<string, string[]>;
  now: Date;
};

export type PersonLoad = {
  /** null for the "Unassigned" row. */
  accountId: string | null;
  name: string;
  capacityPoints: number;
  committedPoints: number;
  remainingPoints: number;
  /** committed ÷ capacity, two decimals; null without capacity. */
  loadRatio: number | null;
  isOverCommitted: boolean;
};

export type SprintHealth = {
  capacityPoints: number;
  committedPoints: number;
  completedPoints: number;
  remainingPoints: number;
  unestimatedCount: number;
  isOverCommitted: boolean;
  /** Committed points beyond capacity; 0 when within it. */
  overCommittedBy: number;
  perPerson: PersonLoad[];
  scope: ScopeChange;
  carryover: { keys: string[]; points: number };
  conflicts: DependencyConflict[];
};

/**
 * Health of the active sprint. "Committed" is everything in the sprint now (so
 * work added mid-sprint counts against capacity); `scope` shows what changed
 * since the start. Issues assigned to someone outside `people` get a row of
 * their own with no capacity, so their points never vanish from the table.
 */
export function sprintHealth({ issues, people, startSnapshot, previousSprintKeys, sprintIssueKeysByLaterSprint, now }: SprintHealthInput): SprintHealth {
  const capacityPoints = roundTo(
    people.reduce((total, person) => total + person.capacityPoints, 0),
    1,
  );
  const committedPoints = sumPoints(issues);
  const completedPoints = sumPoints(issues.filter((issue) => issue.statusCategory === "done"));
  const previous = new Set(previousSprintKeys);
  const carriedOver = issues.filter((issue) => previous.has(issue.key));
  return {
    capacityPoints,
    committedPoints,
    completedPoints,
    remainingPoints: roundTo(committedPoints - completedPoints, 1),
    unestimatedCount: issues.filter((issue) => issue.points === null).length,
    isOverCommitted: committedPoints > capacityPoints,
    overCommittedBy: roundTo(Math.max(0, committedPoints - capacityPoints), 1),
    perPerson: loadPerPerson(issues, people),
    scope: compareWithStart(issues, startSnapshot),
    carryover: { keys: carriedOver.map((issue) => issue.key), points: sumPoints(carriedOver) },
    conflicts: findDependencyConflicts({ issues, sprintIssueKeysByLaterSprint, now }),
  };
}

function loadPerPerson(issues: HealthIssue[], people: HealthPerson[]): PersonLoad[] {
  const known = new Set(people.map((person) => person.accountId));
  const outsiders = [...new Set(issues.map((issue) => issue.assigneeAccountId).filter((id): id is string => id !== null && !known.has(id)))].sort();
  const rows: { accountId: string | null; name: string; capacityPoints: number }[] = [
    ...people,
    ...outsiders.map((accountId) => ({ accountId, name: accountId, capacityPoints: 0 })),
    { accountId: null, name: "Unassigned", capacityPoints: 0 },
  ];
  const byAssignee = new Map<string | null, HealthIssue[]>();
  for (const issue of issues) {
    const theirs = byAssignee.get(issue.assigneeAccountId);
    if (theirs) theirs.push(issue);
    else byAssignee.set(issue.assigneeAccountId, [issue]);
  }
  return rows.map(({ accountId, name, capacityPoints }) => {
    const theirs = byAssignee.get(accountId) ?? [];
    const committedPoints = sumPoints(theirs);
    return {
      accountId,
      name,
      capacityPoints,
      committedPoints,
      remainingPoints: sumPoints(theirs.filter((issue) => issue.statusCategory !== "done")),
      loadRatio: capacityPoints > 0 ? roundTo(committedPoints / capacityPoints, 2) : null,
      // Unassigned work is a planning gap, not anybody's overload.
      isOverCommitted: accountId !== null && committedPoints > capacityPoints,
    };
  });
}
