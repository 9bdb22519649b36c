import { describe, expect, it } from "vitest";
import { velocity, type SprintSnapshotSummary } from "./velocity";

const sprint = (
  sprintId: number,
  startedAt: string,
  committedPoints: number,
  completedPoints: number,
): SprintSnapshotSummary => ({ sprintId, name: `Sprint ${sprintId}`, startedAt, committedPoints, completedPoints });

const history = [
  sprint(5, "2026-03-02T09:00:00Z", 30, 24),
  sprint(1, "2026-01-05T09:00:00Z", 20, 10),
  sprint(3, "2026-02-02T09:00:00Z", 25, 20),
  sprint(2, "2026-01-19T09:00:00Z", 22, 22),
  sprint(4, "2026-02-16T09:00:00Z", 28, 21),
];

describe("velocity", () => {
  it("lists the last N sprints oldest first", () => {
    expect(velocity(history, 3).sprints.map((s) => s.sprintId)).toEqual([3, 4, 5]);
    expect(velocity(history).sprints.map((s) => s.sprintId)).toEqual([1, 2, 3, 4, 5]);
    expect(velocity(history, 0).sprints).toEqual([]);
  });

  it("averages the last three sprints whatever N is", () => {
    const result = velocity(history, 6);
    expect(result.averageCompleted).toBe(21.7); // (20 + 21 + 24) / 3
    expect(result.averageCommitted).toBe(27.7); // (25 + 28 + 30) / 3
    expect(result.completionRatio).toBe(0.78); // 65 / 83
    expect(velocity(history, 1).averageCompleted).toBe(21.7);
  });

  it("uses what there is with fewer than three sprints, and null with none", () => {
    expect(velocity([sprint(1, "2026-01-05", 20, 15)])).toMatchObject({
      averageCompleted: 15,
      averageCommitted: 20,
      completionRatio: 0.75,
    });
    expect(velocity([])).toEqual({
      sprints: [],
      averageCompleted: null,
      averageCommitted: null,
      completionRatio: null,
    });
    expect(velocity([sprint(1, "2026-01-05", 0, 3)]).completionRatio).toBeNull();
  });

  it("orders sprints that started together by id", () => {
    expect(
      velocity([sprint(9, "2026-01-05", 1, 1), sprint(8, "2026-01-05", 1, 1)]).sprints.map((s) => s.sprintId),
    ).toEqual([8, 9]);
  });
});
