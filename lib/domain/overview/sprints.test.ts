import { describe, expect, it } from "vitest";
import { daysLeft, isSprintAtRisk, sprintRows, toSprintRow, type SprintLoad } from "./sprints";

const now = new Date("2026-12-03T12:00:00Z");

const load = (fields: Partial<SprintLoad>): SprintLoad => ({
  boardId: 1,
  boardName: "ACME board",
  sprintName: "ACME Sprint 13",
  capacityPoints: 40,
  committedPoints: 30,
  completedPoints: 10,
  remainingPoints: 20,
  endDate: "2026-12-10T12:00:00Z",
  conflictCount: 0,
  burndown: [],
  ...fields,
});

describe("isSprintAtRisk", () => {
  it("is at risk only when the commitment is above capacity, not at it", () => {
    expect(isSprintAtRisk({ committedPoints: 41, capacityPoints: 40 })).toBe(true);
    expect(isSprintAtRisk({ committedPoints: 40, capacityPoints: 40 })).toBe(false);
    expect(isSprintAtRisk({ committedPoints: 0, capacityPoints: 0 })).toBe(false);
    expect(isSprintAtRisk({ committedPoints: 3, capacityPoints: 0 })).toBe(true);
  });
});

describe("daysLeft", () => {
  it("counts whole days up to the planned end, rounding a part day up", () => {
    expect(daysLeft("2026-12-10T12:00:00Z", now)).toBe(7);
    expect(daysLeft("2026-12-10T13:00:00Z", now)).toBe(8);
    expect(daysLeft("2026-12-03T18:00:00Z", now)).toBe(1);
  });

  it("says 0 once the end has passed, and nothing without an end", () => {
    expect(daysLeft("2026-12-01T00:00:00Z", now)).toBe(0);
    expect(daysLeft(null, now)).toBeNull();
    expect(daysLeft("not a date", now)).toBeNull();
  });
});

describe("toSprintRow", () => {
  it("gives how far over capacity the sprint is and its load in percent", () => {
    expect(toSprintRow(load({ committedPoints: 46.25, capacityPoints: 40 }), now)).toMatchObject({
      isAtRisk: true,
      overBy: 6.3,
      loadPercent: 116,
      daysLeft: 7,
    });
    expect(toSprintRow(load({ committedPoints: 20, capacityPoints: 40 }), now)).toMatchObject({
      isAtRisk: false,
      overBy: 0,
      loadPercent: 50,
    });
  });

  it("has no load percent without capacity", () => {
    expect(toSprintRow(load({ capacityPoints: 0, committedPoints: 5 }), now).loadPercent).toBeNull();
  });
});

describe("sprintRows", () => {
  it("puts at-risk sprints first, the furthest over first, then the fullest, then by board name", () => {
    const rows = sprintRows(
      [
        load({ boardId: 1, boardName: "Calm", committedPoints: 10, capacityPoints: 40 }),
        load({ boardId: 2, boardName: "Slightly over", committedPoints: 42, capacityPoints: 40 }),
        load({ boardId: 3, boardName: "Far over", committedPoints: 60, capacityPoints: 40 }),
        load({ boardId: 4, boardName: "Full", committedPoints: 38, capacityPoints: 40 }),
        load({ boardId: 5, boardName: "Also calm", committedPoints: 10, capacityPoints: 40 }),
      ],
      now,
    );
    expect(rows.map((r) => r.boardName)).toEqual(["Far over", "Slightly over", "Full", "Also calm", "Calm"]);
  });

  it("returns nothing for no boards", () => {
    expect(sprintRows([], now)).toEqual([]);
  });
});
