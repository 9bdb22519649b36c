import { describe, expect, it } from "vitest";
import type { HealthIssue, IssueBlocker } from "./health-types";
import { sprintHealth, type SprintHealthInput } from "./sprint-health";

const issue = (key: string, fields: Partial<HealthIssue> = {}): HealthIssue => ({
  key,
  summary: `Summary ${key}`,
  points: 3,
  statusCategory: "indeterminate",
  assigneeAccountId: null,
  component: null,
  blockedBy: [],
  ...fields,
});
const blocker = (key: string, fields: Partial<IssueBlocker> = {}): IssueBlocker => ({
  key,
  statusCategory: "new",
  sprintState: null,
  ...fields,
});

const people = [
  { accountId: "ada", name: "Ada Lovelace", capacityPoints: 10 },
  { accountId: "grace", name: "Grace Hopper", capacityPoints: 8 },
];
const now = new Date("2026-03-09T12:00:00Z");
const input = (fields: Partial<SprintHealthInput>): SprintHealthInput => ({
  issues: [],
  people,
  startSnapshot: null,
  previousSprintKeys: [],
  sprintIssueKeysByLaterSprint: {},
  now,
  ...fields,
});

describe("sprintHealth totals", () => {
  const issues = [
    issue("BOS-1", { points: 5, statusCategory: "done", assigneeAccountId: "ada" }),
    issue("BOS-2", { points: 8, assigneeAccountId: "ada" }),
    issue("BOS-3", { points: null, assigneeAccountId: "grace" }),
    issue("BOS-4", { points: 2.5, statusCategory: "new" }),
    issue("BOS-5", { points: 3, assigneeAccountId: "contractor", assigneeName: "Zoe Contractor" }),
  ];
  const health = sprintHealth(input({ issues }));

  it("sums capacity, commitment and progress, counting unestimated issues", () => {
    expect(health).toMatchObject({
      capacityPoints: 18,
      committedPoints: 18.5,
      completedPoints: 5,
      remainingPoints: 13.5,
      unestimatedCount: 1,
      isOverCommitted: true,
      overCommittedBy: 0.5,
    });
  });

  it("loads each person, anyone outside the team by their Jira name, and an Unassigned row", () => {
    expect(health.perPerson).toEqual([
      {
        accountId: "ada",
        name: "Ada Lovelace",
        capacityPoints: 10,
        committedPoints: 13,
        remainingPoints: 8,
        loadRatio: 1.3,
        onTeam: true,
        isOverCommitted: true,
      },
      {
        accountId: "grace",
        name: "Grace Hopper",
        capacityPoints: 8,
        committedPoints: 0,
        remainingPoints: 0,
        loadRatio: 0,
        onTeam: true,
        isOverCommitted: false,
      },
      {
        accountId: "contractor",
        name: "Zoe Contractor",
        capacityPoints: 0,
        committedPoints: 3,
        remainingPoints: 3,
        loadRatio: null,
        onTeam: false,
        isOverCommitted: false,
      },
      {
        accountId: null,
        name: "Unassigned",
        capacityPoints: 0,
        committedPoints: 2.5,
        remainingPoints: 2.5,
        loadRatio: null,
        onTeam: false,
        isOverCommitted: false,
      },
    ]);
  });

  it("sorts outsiders by name, and falls back to the accountId for data cached without names", () => {
    const perPerson = sprintHealth(
      input({
        issues: [
          issue("BOS-1", { assigneeAccountId: "712020:zz", assigneeName: "Bea Outside" }),
          issue("BOS-2", { assigneeAccountId: "557058:aa" }),
          issue("BOS-3", { assigneeAccountId: "712020:yy", assigneeName: "Al Outside" }),
          issue("BOS-4", { assigneeAccountId: "557058:aa", assigneeName: null }),
        ],
      }),
    ).perPerson;
    expect(
      perPerson
        .filter((p) => p.accountId !== null && !p.onTeam)
        .map((p) => [p.name, p.committedPoints, p.isOverCommitted]),
    ).toEqual([
      ["557058:aa", 6, false],
      ["Al Outside", 3, false],
      ["Bea Outside", 3, false],
    ]);
  });

  it("still flags a team member with no capacity left who holds work", () => {
    const perPerson = sprintHealth(
      input({
        people: [{ accountId: "ada", name: "Ada Lovelace", capacityPoints: 0 }],
        issues: [issue("BOS-1", { assigneeAccountId: "ada" })],
      }),
    ).perPerson;
    expect(perPerson[0]).toMatchObject({ name: "Ada Lovelace", onTeam: true, isOverCommitted: true });
  });

  it("is not over-committed within capacity, and handles an empty sprint", () => {
    expect(sprintHealth(input({ issues: [issue("BOS-1", { points: 18 })] }))).toMatchObject({
      isOverCommitted: false,
      overCommittedBy: 0,
    });
    expect(sprintHealth(input({ people: [] }))).toMatchObject({
      capacityPoints: 0,
      committedPoints: 0,
      remainingPoints: 0,
      perPerson: [{ name: "Unassigned" }],
    });
  });
});

describe("sprintHealth scope and carryover", () => {
  it("compares with the start snapshot", () => {
    const issues = [issue("BOS-1", { points: 5 }), issue("BOS-2", { points: 3 }), issue("BOS-9", { points: 2 })];
    const { scope } = sprintHealth(
      input({ issues, startSnapshot: { keys: ["BOS-1", "BOS-2", "BOS-3"], committedPoints: 16 } }),
    );
    expect(scope).toEqual({ addedKeys: ["BOS-9"], removedKeys: ["BOS-3"], addedPoints: 2, removedPoints: 8 });
  });

  it("does not count a re-estimate as a removal", () => {
    const { scope } = sprintHealth(
      input({ issues: [issue("BOS-1", { points: 3 })], startSnapshot: { keys: ["BOS-1"], committedPoints: 5 } }),
    );
    expect(scope).toEqual({ addedKeys: [], removedKeys: [], addedPoints: 0, removedPoints: 0 });
  });

  it("reports no scope change without a snapshot", () => {
    expect(sprintHealth(input({ issues: [issue("BOS-1")] })).scope).toEqual({
      addedKeys: [],
      removedKeys: [],
      addedPoints: 0,
      removedPoints: 0,
    });
  });

  it("finds issues carried over from the previous sprint", () => {
    const issues = [issue("BOS-1", { points: 5 }), issue("BOS-2", { points: null }), issue("BOS-3")];
    expect(sprintHealth(input({ issues, previousSprintKeys: ["BOS-1", "BOS-2", "BOS-7"] })).carryover).toEqual({
      keys: ["BOS-1", "BOS-2"],
      points: 5,
    });
  });
});

describe("sprintHealth dependency conflicts", () => {
  it("flags open work blocked by open work outside the sprint, with the reason", () => {
    const issues = [
      issue("BOS-1", {
        blockedBy: [
          blocker("BOS-50"),
          blocker("BOS-51", { sprintState: "future", sprintStartDate: "2026-03-16" }),
          blocker("BOS-52", { sprintState: "closed" }),
        ],
      }),
      issue("BOS-2", {
        blockedBy: [
          blocker("BOS-53", { sprintState: "future" }),
          blocker("BOS-54", { sprintState: "future", sprintStartDate: "2026-03-02" }),
        ],
      }),
      issue("BOS-3", { blockedBy: [blocker("BOS-55", { sprintState: "active" }), blocker("BOS-56")] }),
    ];
    const { conflicts } = sprintHealth(input({ issues, sprintIssueKeysByLaterSprint: { "Sprint 14": ["BOS-56"] } }));
    expect(conflicts).toEqual([
      { key: "BOS-1", blockedBy: "BOS-50", reason: "blocker not done and not in this sprint" },
      { key: "BOS-1", blockedBy: "BOS-51", reason: "blocker planned in a later sprint" },
      { key: "BOS-1", blockedBy: "BOS-52", reason: "blocker not done and not in this sprint" },
      { key: "BOS-2", blockedBy: "BOS-53", reason: "blocker planned in a later sprint" },
      // A future sprint whose start date has passed without starting is no plan.
      { key: "BOS-2", blockedBy: "BOS-54", reason: "blocker not done and not in this sprint" },
      { key: "BOS-3", blockedBy: "BOS-55", reason: "blocker not done and not in this sprint" },
      { key: "BOS-3", blockedBy: "BOS-56", reason: "blocker planned in a later sprint" },
    ]);
  });

  it("ignores done issues, done blockers and blockers inside this sprint", () => {
    const issues = [
      issue("BOS-1", { statusCategory: "done", blockedBy: [blocker("BOS-50")] }),
      issue("BOS-2", {
        blockedBy: [blocker("BOS-51", { statusCategory: "done" }), blocker("BOS-3", { sprintState: "active" })],
      }),
      issue("BOS-3"),
    ];
    expect(sprintHealth(input({ issues })).conflicts).toEqual([]);
  });
});
