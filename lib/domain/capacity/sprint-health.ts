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
  /** false for assignees outside the team (no capacity here) and for "Unassigned". */
  onTeam: boolean;
  /** Only team members can be: an outsider's 0 capacity is not Bosun's to judge. */
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
 * their own under their Jira name, so their points never vanish from the
 * table; with no capacity known for them, that row is never over-committed.
 */
export function sprintHealth({
  issues,
  people,
  startSnapshot,
  previousSprintKeys,
  sprintIssueKeysByLaterSprint,
  now,
}: SprintHealthInput): SprintHealth {
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
  const rows: { accountId: string | null; name: string; capacityPoints: number; onTeam: boolean }[] = [
    ...people.map((person) => ({ ...person, onTeam: true })),
    ...outsiders(issues, people).map(({ accountId, name }) => ({ accountId, name, capacityPoints: 0, onTeam: false })),
    { accountId: null, name: "Unassigned", capacityPoints: 0, onTeam: false },
  ];
  const byAssignee = new Map<string | null, HealthIssue[]>();
  for (const issue of issues) {
    const theirs = byAssignee.get(issue.assigneeAccountId);
    if (theirs) theirs.push(issue);
    else byAssignee.set(issue.assigneeAccountId, [issue]);
  }
  return rows.map(({ accountId, name, capacityPoints, onTeam }) => {
    const theirs = byAssignee.get(accountId) ?? [];
    const committedPoints = sumPoints(theirs);
    return {
      accountId,
      name,
      capacityPoints,
      committedPoints,
      remainingPoints: sumPoints(theirs.filter((issue) => issue.statusCategory !== "done")),
      loadRatio: capacityPoints > 0 ? roundTo(committedPoints / capacityPoints, 2) : null,
      onTeam,
      // Unassigned work is a planning gap and an outsider's capacity is unknown, not zero: neither is an overload.
      isOverCommitted: onTeam && committedPoints > capacityPoints,
    };
  });
}

/** Assignees not on the team, by Jira's name for them (the accountId when the cache predates names), sorted by it. */
function outsiders(issues: HealthIssue[], people: HealthPerson[]): { accountId: string; name: string }[] {
  const known = new Set(people.map((person) => person.accountId));
  const names = new Map<string, string>();
  for (const { assigneeAccountId: id, assigneeName } of issues) {
    if (id === null || known.has(id)) continue;
    // Keep the first real name; the accountId is only a stand-in until one turns up.
    if (!names.has(id) || names.get(id) === id) names.set(id, assigneeName || id);
  }
  return [...names]
    .map(([accountId, name]) => ({ accountId, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId));
}
