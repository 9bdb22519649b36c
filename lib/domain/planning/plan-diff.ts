import type { SprintPlan } from "./types";

export type NewSprint = { name: string; startDate: string; endDate: string; goal: string };
export type CurrentIssue = { key: string; sprintId: number | null; assigneeAccountId: string | null };

export type PlanDiff = {
  createSprint: NewSprint;
  /** Every planned issue moves into the new sprint; fromSprintId null means the backlog. */
  moves: { key: string; fromSprintId: number | null }[];
  assigneeChanges: { key: string; from: string | null; to: string }[];
};

/**
 * The changes Jira would see when the plan is accepted, in assignment order.
 * An issue missing from `current` is taken to be unassigned in the backlog.
 */
export function planDiff({
  plan,
  sprint,
  current,
}: {
  plan: SprintPlan;
  sprint: NewSprint;
  current: CurrentIssue[];
}): PlanDiff {
  const currentByKey = new Map(current.map((issue) => [issue.key, issue]));
  const moves: PlanDiff["moves"] = [];
  const assigneeChanges: PlanDiff["assigneeChanges"] = [];
  for (const { key, accountId } of plan.assignments) {
    const existing = currentByKey.get(key);
    moves.push({ key, fromSprintId: existing?.sprintId ?? null });
    const from = existing?.assigneeAccountId ?? null;
    if (from !== accountId) assigneeChanges.push({ key, from, to: accountId });
  }
  return { createSprint: { ...sprint }, moves, assigneeChanges };
}
