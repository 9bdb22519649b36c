import { describe, expect, it } from "vitest";
import { nextSprintDefaults } from "./next-sprint";

describe("nextSprintDefaults", () => {
  it("continues the numbering and follows the active sprint with the same length", () => {
    const sprints = [
      { name: "ACME Sprint 8", state: "closed", startDate: "2026-11-03T09:00:00Z", endDate: "2026-11-17T09:00:00Z" },
      { name: "ACME Sprint 9", state: "active", startDate: "2026-11-17T09:00:00Z", endDate: "2026-12-01T09:00:00Z" },
    ];
    expect(nextSprintDefaults({ sprints, today: "2026-11-24" })).toEqual({
      name: "ACME Sprint 10",
      startDate: "2026-12-01",
      endDate: "2026-12-15",
    });
  });

  it("falls back to two weeks from today and a plain name", () => {
    expect(nextSprintDefaults({ sprints: [], today: "2026-11-24" })).toEqual({
      name: "Next sprint",
      startDate: "2026-11-24",
      endDate: "2026-12-08",
    });
  });

  it("finding 10 (sprint dates): suggests at most 8 weeks, however long the active sprint made in Jira is", () => {
    const sprints = [
      { name: "Long haul 1", state: "active", startDate: "2026-01-05T09:00:00Z", endDate: "2026-06-01T09:00:00Z" },
    ];
    expect(nextSprintDefaults({ sprints, today: "2026-03-02" })).toEqual({
      name: "Long haul 2",
      startDate: "2026-06-01",
      endDate: "2026-07-27",
    });
  });
});
