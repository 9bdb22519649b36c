import { describe, expect, it } from "vitest";
import { DEFAULT_STATUS_ORDER } from "./rules";
import {
  type AvailableTransition,
  type StatusRef,
  type TransitionChoice,
  chooseForwardTransition,
  statusRank,
} from "./transitions";

const TO_DO: StatusRef = { name: "To Do", category: "new" };
const IN_PROGRESS: StatusRef = { name: "In Progress", category: "indeterminate" };
const IN_REVIEW: StatusRef = { name: "In Review", category: "indeterminate" };
const DONE: StatusRef = { name: "Done", category: "done" };
const STATUSES: Record<string, StatusRef> = {
  "To Do": TO_DO,
  "In Progress": IN_PROGRESS,
  "In Review": IN_REVIEW,
  Done: DONE,
};

/** The Jira emulator's workflow (emulators/jira/reference.ts): forward one step at a time, with a way back from each. */
const EMULATOR: Record<string, AvailableTransition[]> = {
  "To Do": [{ id: "11", to: IN_PROGRESS }],
  "In Progress": [
    { id: "21", to: IN_REVIEW },
    { id: "41", to: TO_DO },
  ],
  "In Review": [
    { id: "31", to: DONE },
    { id: "51", to: IN_PROGRESS },
  ],
  Done: [{ id: "61", to: TO_DO }],
};

const order = DEFAULT_STATUS_ORDER;
const choose = (
  current: StatusRef,
  target: string,
  available: readonly AvailableTransition[] = EMULATOR[current.name] ?? [],
) => chooseForwardTransition({ current, target, order, available });

describe("chooseForwardTransition on the emulator's workflow", () => {
  it.each<[string, string, TransitionChoice]>([
    ["To Do", "Done", { kind: "move", transitionId: "11", to: "In Progress" }],
    ["To Do", "In Progress", { kind: "move", transitionId: "11", to: "In Progress" }],
    ["In Progress", "In Review", { kind: "move", transitionId: "21", to: "In Review" }],
    ["In Progress", "Done", { kind: "move", transitionId: "21", to: "In Review" }],
    ["In Review", "Done", { kind: "move", transitionId: "31", to: "Done" }],
  ])("from %s towards %s moves one step forward", (from, target, expected) => {
    expect(choose(STATUSES[from]!, target)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["In Review", "In Review"],
    ["Done", "Done"],
    ["To Do", "To Do"],
  ])("stays in %s when it is already the target %s", (from, target) => {
    expect(choose(STATUSES[from]!, target)).toEqual({ kind: "stay", reason: `already ${from}` });
  });

  it.each<[string, string]>([
    ["Done", "In Review"],
    ["Done", "In Progress"],
    ["In Review", "In Progress"],
    ["In Progress", "To Do"],
  ])("never moves back from %s to %s", (from, target) => {
    expect(choose(STATUSES[from]!, target)).toEqual({
      kind: "stay",
      reason: `${from} is already past ${target}; issues only move forward`,
    });
  });

  it("walks To Do to Done one transition at a time when the caller asks again after each move", () => {
    let current = TO_DO;
    const applied: string[] = [];
    for (let step = 0; step < 10; step++) {
      const choice = choose(current, "Done");
      if (choice.kind !== "move") {
        expect(choice).toEqual({ kind: "stay", reason: "already Done" });
        break;
      }
      applied.push(choice.transitionId);
      current = STATUSES[choice.to]!;
    }
    expect(applied).toEqual(["11", "21", "31"]);
    expect(current).toBe(DONE);
  });

  it("compares status names case-insensitively", () => {
    expect(choose(IN_PROGRESS, "in review")).toEqual({ kind: "move", transitionId: "21", to: "In Review" });
    expect(choose({ name: "in review", category: "indeterminate" }, "In Review")).toEqual({
      kind: "stay",
      reason: "already in review",
    });
  });
});

describe("chooseForwardTransition", () => {
  it("picks the furthest forward transition that does not overshoot the target", () => {
    const available: AvailableTransition[] = [
      { id: "11", to: IN_PROGRESS },
      { id: "12", to: IN_REVIEW },
      { id: "13", to: DONE },
    ];
    expect(choose(TO_DO, "Done", available)).toEqual({ kind: "move", transitionId: "13", to: "Done" });
    expect(choose(TO_DO, "In Review", available)).toEqual({ kind: "move", transitionId: "12", to: "In Review" });
    expect(choose(TO_DO, "In Progress", available)).toEqual({ kind: "move", transitionId: "11", to: "In Progress" });
  });

  it("blocks a target that is not in the workflow order, saying so", () => {
    expect(choose(TO_DO, "Deployed")).toEqual({
      kind: "blocked",
      reason: "Deployed is not in the workflow order (To Do → In Progress → In Review → Done)",
    });
  });

  it("blocks when no available transition leads forward", () => {
    expect(choose(IN_PROGRESS, "Done", [{ id: "41", to: TO_DO }])).toEqual({
      kind: "blocked",
      reason: "no transition from In Progress leads towards Done",
    });
    expect(choose(TO_DO, "Done", [])).toEqual({
      kind: "blocked",
      reason: "no transition from To Do leads towards Done",
    });
  });

  it("places a current status outside the order by its category", () => {
    expect(choose({ name: "Backlog", category: "new" }, "In Progress", [{ id: "11", to: IN_PROGRESS }])).toEqual({
      kind: "move",
      transitionId: "11",
      to: "In Progress",
    });
    expect(choose({ name: "Won't Do", category: "done" }, "Done", [{ id: "61", to: DONE }])).toEqual({
      kind: "stay",
      reason: "Won't Do is already past Done; issues only move forward",
    });
    expect(choose({ name: "QA", category: "indeterminate" }, "In Progress")).toEqual({
      kind: "stay",
      reason: "QA is already past In Progress; issues only move forward",
    });
  });

  it("never takes a done-category status outside the order for the target Done", () => {
    const wontDo: AvailableTransition = { id: "71", to: { name: "Won't Do", category: "done" } };
    expect(choose(IN_REVIEW, "Done", [wontDo, { id: "31", to: DONE }])).toEqual({
      kind: "move",
      transitionId: "31",
      to: "Done",
    });
    expect(choose(TO_DO, "Done", [wontDo, { id: "11", to: IN_PROGRESS }])).toEqual({
      kind: "move",
      transitionId: "11",
      to: "In Progress",
    });
    expect(choose(IN_REVIEW, "Done", [wontDo])).toEqual({
      kind: "blocked",
      reason: "no transition from In Review leads towards Done",
    });
  });

  it("prefers a status the order names over an unknown one of the same rank, and never ends on the unknown one", () => {
    const blocked: AvailableTransition = { id: "81", to: { name: "Blocked", category: "indeterminate" } };
    expect(choose(TO_DO, "In Review", [blocked, { id: "11", to: IN_PROGRESS }])).toEqual({
      kind: "move",
      transitionId: "11",
      to: "In Progress",
    });
    expect(choose(TO_DO, "In Progress", [blocked, { id: "11", to: IN_PROGRESS }])).toEqual({
      kind: "move",
      transitionId: "11",
      to: "In Progress",
    });
    expect(choose(TO_DO, "In Progress", [blocked])).toEqual({
      kind: "blocked",
      reason: "no transition from To Do leads towards In Progress",
    });
  });

  it("may pass through an unknown in-progress status on the way to a later target", () => {
    expect(choose(TO_DO, "In Review", [{ id: "81", to: { name: "Blocked", category: "indeterminate" } }])).toEqual({
      kind: "move",
      transitionId: "81",
      to: "Blocked",
    });
  });

  it("follows a custom workflow order", () => {
    const custom = ["Open", "Doing", "Testing", "Shipped"];
    const available: AvailableTransition[] = [
      { id: "2", to: { name: "Testing", category: "indeterminate" } },
      { id: "3", to: { name: "Open", category: "new" } },
    ];
    expect(
      chooseForwardTransition({
        current: { name: "Doing", category: "indeterminate" },
        target: "Shipped",
        order: custom,
        available,
      }),
    ).toEqual({
      kind: "move",
      transitionId: "2",
      to: "Testing",
    });
  });
});

describe("statusRank", () => {
  it.each<[StatusRef, number]>([
    [TO_DO, 0],
    [IN_PROGRESS, 1],
    [IN_REVIEW, 2],
    [DONE, 3],
    [{ name: "in review", category: "done" }, 2],
    [{ name: "Backlog", category: "new" }, 0],
    [{ name: "QA", category: "indeterminate" }, 1],
    [{ name: "Waiting", category: "some-custom-category" }, 1],
    [{ name: "Won't Do", category: "done" }, 3],
  ])("ranks %j at %i", (status, rank) => {
    expect(statusRank(status, order)).toBe(rank);
  });

  it("fits unknown statuses into a two-status order", () => {
    const short = ["Open", "Closed"];
    expect(statusRank({ name: "Triage", category: "new" }, short)).toBe(0);
    expect(statusRank({ name: "Working", category: "indeterminate" }, short)).toBe(1);
    expect(statusRank({ name: "Cancelled", category: "done" }, short)).toBe(1);
  });
});
