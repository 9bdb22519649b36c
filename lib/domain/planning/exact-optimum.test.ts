import { describe, expect, it } from "vitest";
import { exactOptimum } from "./exact-optimum";
import type { PlanIssue, PlanPerson } from "./types";

const issue = (key: string, points: number | null, blockedBy: string[] = []): PlanIssue => ({
  key,
  summary: key,
  points,
  component: null,
  epic: null,
  blockedBy,
  assigneeAccountId: null,
});
const person = (accountId: string, capacityPoints: number): PlanPerson => ({
  accountId,
  name: accountId,
  capacityPoints,
  componentExperience: {},
});

describe("exactOptimum", () => {
  it("packs the most points, ignoring rank", () => {
    const result = exactOptimum({
      backlog: [issue("A", 1), issue("B", 13), issue("C", 8)],
      people: [person("p", 10)],
      bufferPercent: 0,
      alreadyScheduledKeys: [],
    });
    expect(result).toEqual({
      plannedPoints: 9,
      assignments: [
        { key: "A", accountId: "p" },
        { key: "C", accountId: "p" },
      ],
    });
  });

  it("splits across people and respects blockers", () => {
    const backlog = [issue("A", 6), issue("B", 6, ["X"]), issue("C", 4, ["A"]), issue("D", 4, ["DONE"])];
    const result = exactOptimum({
      backlog,
      people: [person("p", 10), person("q", 10)],
      bufferPercent: 0,
      alreadyScheduledKeys: ["DONE"],
    });
    expect(result.plannedPoints).toBe(14);
    expect(result.assignments.map((a) => a.key).sort()).toEqual(["A", "C", "D"]);
  });

  it("plans nothing on or behind a dependency cycle, as no order can finish it", () => {
    const backlog = [
      issue("A", 3, ["B"]),
      issue("B", 3, ["A"]),
      issue("C", 2, ["A"]),
      issue("D", 1, ["DONE"]),
      issue("E", 1),
    ];
    const result = exactOptimum({
      backlog,
      people: [person("p", 20)],
      bufferPercent: 0,
      alreadyScheduledKeys: ["DONE"],
    });
    expect(result.plannedPoints).toBe(2);
    expect(result.assignments.map((a) => a.key).sort()).toEqual(["D", "E"]);
  });

  it("applies the buffer and skips unestimated issues", () => {
    expect(
      exactOptimum({
        backlog: [issue("A", 9), issue("B", null)],
        people: [person("p", 10)],
        bufferPercent: 20,
        alreadyScheduledKeys: [],
      }).plannedPoints,
    ).toBe(0);
  });

  it("refuses instances too large to solve exactly", () => {
    const backlog = Array.from({ length: 15 }, (_, i) => issue(`K-${i}`, 1));
    expect(() =>
      exactOptimum({ backlog, people: [person("p", 10)], bufferPercent: 0, alreadyScheduledKeys: [] }),
    ).toThrow(RangeError);
  });
});
