import { describe, expect, it } from "vitest";
import { chooseSprint, roomiestSprint } from "./sprint";
import type { SprintOption } from "./types";

const sprint = (id: number, state: "active" | "future", startDate: string, remainingPoints: number): SprintOption => ({
  id,
  name: `Sprint ${id}`,
  state,
  startDate,
  endDate: startDate,
  remainingPoints,
});

describe("chooseSprint", () => {
  it("orders future sprints by start date, not by the order given", () => {
    const choice = chooseSprint([sprint(45, "future", "2025-08-11", 30), sprint(44, "future", "2025-07-28", 30)], 10);
    expect(choice.sprint?.id).toBe(44);
    expect(choice.reason).toBe("Sprint 44 has 30 points free; this feature needs 10");
  });

  it("breaks a start-date tie by id and puts unreadable dates last", () => {
    expect(
      chooseSprint([sprint(9, "future", "2025-07-28", 30), sprint(8, "future", "2025-07-28", 30)], 5).sprint?.id,
    ).toBe(8);
    expect(
      chooseSprint([sprint(1, "future", "someday", 30), sprint(2, "future", "2025-07-28", 30)], 5).sprint?.id,
    ).toBe(2);
  });

  it("fits exactly, including half points", () => {
    expect(chooseSprint([sprint(1, "future", "2025-07-28", 7.5)], 7.5).sprint?.id).toBe(1);
    expect(chooseSprint([sprint(1, "future", "2025-07-28", 7)], 7.5).sprint).toBeNull();
  });

  it("says there is no future sprint when it falls back to the active one", () => {
    expect(chooseSprint([sprint(42, "active", "2025-06-30", 20)], 8)).toEqual({
      sprint: {
        id: 42,
        name: "Sprint 42",
        reason: "Sprint 42 has 20 points free; this feature needs 8; there is no future sprint yet",
      },
      reason: "Sprint 42 has 20 points free; this feature needs 8; there is no future sprint yet",
    });
  });

  it("fits a feature of no points anywhere with room left, even none", () => {
    expect(chooseSprint([sprint(43, "future", "2025-07-14", 0)], 0).sprint?.reason).toBe(
      "Sprint 43 has 0 points free; this feature needs 0",
    );
    expect(chooseSprint([sprint(43, "future", "2025-07-14", -2)], 0).sprint).toBeNull();
  });
});

describe("roomiestSprint", () => {
  it("picks the most free points, the earliest among equals", () => {
    expect(
      roomiestSprint([
        sprint(3, "future", "2025-08-11", 20),
        sprint(2, "future", "2025-07-28", 20),
        sprint(1, "active", "2025-07-14", 5),
      ])?.id,
    ).toBe(2);
    expect(roomiestSprint([])).toBeNull();
  });
});
