import { describe, expect, it } from "vitest";
import { planSprint } from "./plan-sprint";
import type { PlanInput, PlanIssue, PlanPerson } from "./types";

const berth = { key: "EP-1", name: "Berth scheduling" };
const customs = { key: "EP-2", name: "Customs e-filing" };
const issue = (key: string, points: number | null, fields: Partial<PlanIssue> = {}): PlanIssue => ({
  key,
  summary: key,
  points,
  component: null,
  epic: null,
  blockedBy: [],
  assigneeAccountId: null,
  ...fields,
});
const person = (
  accountId: string,
  name: string,
  capacityPoints: number,
  componentExperience: Record<string, number> = {},
): PlanPerson => ({ accountId, name, capacityPoints, componentExperience });
const grace = person("grace", "Grace Hopper", 20, { Platform: 12 });
const ada = person("ada", "Ada Lovelace", 20);
const input = (fields: Partial<PlanInput>): PlanInput => ({
  backlog: [],
  people: [grace, ada],
  bufferPercent: 10,
  alreadyScheduledKeys: [],
  ...fields,
});

describe("planSprint choices", () => {
  it("prefers recent experience in the component, and says so", () => {
    const plan = planSprint(input({ backlog: [issue("BOS-1", 5, { component: "Platform" })] }));
    expect(plan.assignments).toEqual([
      {
        key: "BOS-1",
        accountId: "grace",
        points: 5,
        reason: "Grace Hopper: 12 Platform issues completed recently, 18 of 18 points free",
      },
    ]);
  });

  it("keeps the current assignee when they have room", () => {
    const plan = planSprint(
      input({ backlog: [issue("BOS-1", 5, { component: "Platform", assigneeAccountId: "ada" })] }),
    );
    expect(plan.assignments[0]).toMatchObject({
      accountId: "ada",
      reason: "Ada Lovelace: kept current assignee, 18 of 18 points free",
    });
    expect(plan.explanations).toContain("Kept the current assignee on 1 issue, as they had room.");
  });

  it("balances load when nobody has experience, then falls back from the experienced when they are full", () => {
    const plan = planSprint(
      input({
        backlog: [
          issue("BOS-1", 5),
          issue("BOS-2", 8),
          issue("BOS-3", 3),
          issue("BOS-4", 8, { component: "Platform" }),
          issue("BOS-5", 8, { component: "Platform" }),
        ],
      }),
    );
    expect(plan.assignments.map((a) => [a.key, a.accountId])).toEqual([
      ["BOS-1", "ada"], // equal load and experience: lower accountId
      ["BOS-2", "grace"],
      ["BOS-3", "ada"], // 5/18 loaded against 8/18
      ["BOS-4", "grace"],
      ["BOS-5", "ada"],
    ]);
    expect(plan.assignments[4]?.reason).toBe(
      "Ada Lovelace: least loaded with room; nobody with recent Platform work has room, 10 of 18 points free",
    );
  });

  it("fills the room left with lower-ranked issues that fit, largest first", () => {
    const plan = planSprint(
      input({
        people: [ada],
        bufferPercent: 0,
        backlog: [issue("BOS-1", 13), issue("BOS-2", 8), issue("BOS-3", 2), issue("BOS-4", 5), issue("BOS-5", 3)],
      }),
    );
    expect(plan.assignments.map((a) => a.key)).toEqual(["BOS-1", "BOS-4", "BOS-3"]);
    expect(plan.plannedPoints).toBe(20);
    expect(plan.explanations).toContain("BOS-2 did not fit, so 2 lower-ranked issues that fit filled the room left.");
  });

  it("moves planned work to make room rather than leave a higher-ranked issue out", () => {
    const plan = planSprint(
      input({
        bufferPercent: 0,
        people: [person("a", "A", 10), person("b", "B", 10)],
        backlog: [issue("BOS-1", 5), issue("BOS-2", 5), issue("BOS-3", 10)],
      }),
    );
    expect(plan.plannedPoints).toBe(20);
    expect(plan.assignments.map((a) => [a.key, a.accountId])).toEqual([
      ["BOS-1", "b"],
      ["BOS-2", "b"],
      ["BOS-3", "a"],
    ]);
    expect(plan.assignments[0]?.reason).toBe(
      "B: least loaded with room, 5 of 10 points free; moved from A to make room for BOS-3",
    );
    expect(plan.assignments[2]?.reason).toBe(
      "A: least loaded with room, 10 of 10 points free, after moving BOS-1 to B",
    );
  });

  it("repacks planned work when one move is not enough, so the scattered room adds up", () => {
    // Balancing load spreads the 2s over A and B; the 8 needs both of B's moved to A.
    const plan = planSprint(
      input({
        bufferPercent: 0,
        people: [person("a", "A", 6), person("b", "B", 8)],
        backlog: [issue("BOS-1", 2), issue("BOS-2", 2), issue("BOS-3", 2), issue("BOS-4", 8)],
      }),
    );
    expect(plan.plannedPoints).toBe(14);
    expect(plan.assignments).toEqual([
      { key: "BOS-1", accountId: "a", points: 2, reason: "A: least loaded with room, 6 of 6 points free" },
      { key: "BOS-2", accountId: "a", points: 2, reason: "A: moved from B to make room for BOS-4" },
      { key: "BOS-3", accountId: "a", points: 2, reason: "A: moved from B to make room for BOS-4" },
      {
        key: "BOS-4",
        accountId: "b",
        points: 8,
        reason: "B: had room, 8 of 8 points free, after moving BOS-2 to A, BOS-3 to A",
      },
    ]);
    expect(plan.leftOut).toEqual([]);
  });

  it("leaves work kept with its current assignee in place when repacking", () => {
    // BOS-2 stays with B, its assignee, so the 8 cannot be made to fit.
    const plan = planSprint(
      input({
        bufferPercent: 0,
        people: [person("a", "A", 6), person("b", "B", 8)],
        backlog: [
          issue("BOS-1", 2),
          issue("BOS-2", 2, { assigneeAccountId: "b" }),
          issue("BOS-3", 2),
          issue("BOS-4", 8),
        ],
      }),
    );
    expect(plan.assignments.find((a) => a.key === "BOS-2")).toMatchObject({
      accountId: "b",
      reason: "B: kept current assignee, 8 of 8 points free",
    });
    expect(plan.leftOut).toEqual([{ key: "BOS-4", reason: "no capacity" }]);
  });
});

describe("planSprint dependencies and reasons", () => {
  it("brings an unplanned blocker along, before the issue it blocks", () => {
    const plan = planSprint(
      input({
        backlog: [issue("BOS-1", 3, { blockedBy: ["BOS-9", "DONE-1"] }), issue("BOS-2", 3), issue("BOS-9", 2)],
        alreadyScheduledKeys: ["DONE-1"],
      }),
    );
    expect(plan.assignments.map((a) => a.key)).toEqual(["BOS-9", "BOS-1", "BOS-2"]);
    expect(plan.assignments[0]?.reason).toMatch(/; needed before BOS-1$/);
  });

  it("leaves out what cannot be planned, with the reason", () => {
    const plan = planSprint(
      input({
        people: [ada],
        backlog: [
          issue("BOS-1", null),
          issue("BOS-2", 3, { blockedBy: ["EXT-1"] }),
          issue("BOS-3", 3, { blockedBy: ["BOS-4"] }),
          issue("BOS-4", 3, { blockedBy: ["BOS-3"] }),
          issue("BOS-5", 40),
          issue("BOS-6", 3, { blockedBy: ["BOS-1"] }),
        ],
      }),
    );
    expect(plan.assignments).toEqual([]);
    expect(plan.leftOut).toEqual([
      { key: "BOS-1", reason: "no estimate" },
      { key: "BOS-2", reason: "blocked by EXT-1 (not done, not planned)" },
      { key: "BOS-3", reason: "blocked by BOS-4 (not done, not planned)" },
      { key: "BOS-4", reason: "blocked by BOS-3 (not done, not planned)" },
      { key: "BOS-5", reason: "no capacity" },
      { key: "BOS-6", reason: "blocked by BOS-1 (not done, not planned)" },
    ]);
    expect(plan.explanations).toContain(
      "Left out 6 issues: 1 without an estimate, 1 for lack of capacity, 4 blocked by unplanned work.",
    );
  });
});

describe("planSprint limits and goal", () => {
  it("holds back the buffer, clamped to 0–50%", () => {
    expect(planSprint(input({ bufferPercent: 25 })).perPerson).toEqual([
      { accountId: "ada", name: "Ada Lovelace", capacityPoints: 20, limitPoints: 15, plannedPoints: 0 },
      { accountId: "grace", name: "Grace Hopper", capacityPoints: 20, limitPoints: 15, plannedPoints: 0 },
    ]);
    expect(planSprint(input({ bufferPercent: 90 })).perPerson[0]?.limitPoints).toBe(10);
    expect(planSprint(input({ bufferPercent: -5 })).perPerson[0]?.limitPoints).toBe(20);
  });

  it("keeps a given goal", () => {
    expect(planSprint(input({ goal: "  Ship berths  ", backlog: [issue("BOS-1", 3, { epic: berth })] })).goal).toBe(
      "Ship berths",
    );
  });

  it("drafts the goal from the dominant epics, finishing those with nothing left behind", () => {
    const backlog = [
      issue("BOS-1", 8, { epic: berth }),
      issue("BOS-2", 5, { epic: customs }),
      issue("BOS-3", 1, { epic: { key: "EP-3", name: "Crew rosters" } }),
      issue("BOS-4", 30, { epic: customs }),
    ];
    expect(planSprint(input({ backlog })).goal).toBe("Finish Berth scheduling and advance Customs e-filing");
    expect(planSprint(input({ backlog: backlog.slice(0, 2) })).goal).toBe(
      "Finish Berth scheduling and Customs e-filing",
    );
  });

  it("falls back to components, then to a plain goal, then to none", () => {
    expect(
      planSprint(
        input({ backlog: [issue("BOS-1", 8, { component: "Platform" }), issue("BOS-2", 1, { component: "Billing" })] }),
      ).goal,
    ).toBe("Focus on Platform work");
    expect(planSprint(input({ backlog: [issue("BOS-1", 3)] })).goal).toBe("Deliver the top of the backlog");
    expect(planSprint(input({})).goal).toBe("");
  });
});
