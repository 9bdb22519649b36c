import { describe, expect, it } from "vitest";
import { planDiff } from "./plan-diff";
import type { SprintPlan } from "./types";

const plan: SprintPlan = {
  assignments: [
    { key: "BOS-1", accountId: "ada", points: 3, reason: "" },
    { key: "BOS-2", accountId: "grace", points: 5, reason: "" },
    { key: "BOS-3", accountId: "ada", points: 2, reason: "" },
  ],
  leftOut: [{ key: "BOS-4", reason: "no capacity" }],
  perPerson: [],
  plannedPoints: 10,
  goal: "Finish Berth scheduling",
  explanations: [],
};
const sprint = { name: "Sprint 15", startDate: "2026-03-16", endDate: "2026-03-30", goal: "Finish Berth scheduling" };

describe("planDiff", () => {
  it("creates the sprint, moves every planned issue and changes only differing assignees", () => {
    const current = [
      { key: "BOS-1", sprintId: null, assigneeAccountId: "ada" },
      { key: "BOS-2", sprintId: 14, assigneeAccountId: "ada" },
      { key: "BOS-4", sprintId: null, assigneeAccountId: null },
    ];
    expect(planDiff({ plan, sprint, current })).toEqual({
      createSprint: sprint,
      moves: [
        { key: "BOS-1", fromSprintId: null },
        { key: "BOS-2", fromSprintId: 14 },
        { key: "BOS-3", fromSprintId: null },
      ],
      assigneeChanges: [
        { key: "BOS-2", from: "ada", to: "grace" },
        { key: "BOS-3", from: null, to: "ada" },
      ],
    });
  });

  it("is empty for an empty plan", () => {
    expect(planDiff({ plan: { ...plan, assignments: [] }, sprint, current: [] })).toEqual({
      createSprint: sprint,
      moves: [],
      assigneeChanges: [],
    });
  });
});
