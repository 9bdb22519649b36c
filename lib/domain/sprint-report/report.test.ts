import { describe, expect, it } from "vitest";
import { median } from "./accuracy";
import { carryoverReason } from "./carryover";
import { againstHistory, sprintReport, type ReportInput } from "./report";
import { sprintTrends } from "./trends";

const sprint = (id: number, start: string, complete: string) => ({
  id,
  name: `Sprint ${id}`,
  startDate: `${start}T09:00:00.000Z`,
  endDate: `${complete}T09:00:00.000Z`,
  completeDate: `${complete}T10:00:00.000Z`,
});
const now = "2026-12-01T00:00:00.000Z";

const tracked: ReportInput = {
  sprint: sprint(7, "2026-11-02", "2026-11-16"),
  committed: [
    { key: "A-1", points: 5, statusCategory: "new" },
    { key: "A-2", points: 3, statusCategory: "new" },
    { key: "A-3", points: 2, statusCategory: "new" },
    { key: "A-4", points: 1, statusCategory: "new" },
  ],
  final: [
    { key: "A-1", points: 5, statusCategory: "done", status: "Done" },
    { key: "A-2", points: 3, statusCategory: "indeterminate", status: "In Review" },
    { key: "A-3", points: 2, statusCategory: "indeterminate", status: "In Progress", blocked: true },
    { key: "A-4", points: 1, statusCategory: "new", status: "To Do" },
    { key: "A-9", points: 4, statusCategory: "done", status: "Done" },
  ],
  changes: [
    { issueKey: "A-1", kind: "completed", points: 5, previousPoints: null, occurredAt: "2026-11-05T10:00:00.000Z" },
    { issueKey: "A-9", kind: "added", points: 4, previousPoints: null, occurredAt: "2026-11-06T10:00:00.000Z" },
    { issueKey: "A-9", kind: "completed", points: 4, previousPoints: null, occurredAt: "2026-11-10T10:00:00.000Z" },
  ],
  now,
  plannedCapacity: 12,
};

describe("sprintReport", () => {
  it("gives committed vs completed, scope change, planning and capacity accuracy, and carryover with reasons", () => {
    const report = sprintReport(tracked);
    expect(report.figures).toEqual({
      committedPoints: 11,
      committedIssues: 4,
      completedPoints: 9,
      completedIssues: 2,
      addedPoints: 4,
      removedPoints: 0,
      reestimatedPoints: 0,
      carryoverPoints: 6,
      carryoverIssues: 3,
      interruptRate: 0.364,
    });
    // Additions are left out of planning accuracy: only A-1 of the commitment was done.
    expect(report.planning).toMatchObject({ completedCommittedPoints: 5, points: 0.455, issues: 0.25 });
    expect(report.capacity).toEqual({ known: true, plannedCapacity: 12, completedPoints: 9, ratio: 0.75 });
    expect(report.carryover.map((c) => [c.key, c.reason])).toEqual([
      ["A-2", "in-review"],
      ["A-3", "blocked"],
      ["A-4", "not-started"],
    ]);
    expect(report.carryoverByReason).toContainEqual({ reason: "in-review", issues: 1, points: 3 });
  });

  it("says the capacity accuracy is unknown rather than guess it", () => {
    expect(sprintReport({ ...tracked, plannedCapacity: null }).capacity).toMatchObject({ known: false });
    expect(sprintReport({ ...tracked, plannedCapacity: 0 }).capacity).toMatchObject({ known: false });
  });

  it("has no interrupt rate for a backfilled sprint", () => {
    const report = sprintReport({ ...tracked, committed: null, changes: [] });
    expect(report.burn.basis).toBe("backfilled");
    expect(report.figures.interruptRate).toBeNull();
  });

  it("compares a sprint with the median of the earlier ones", () => {
    const earlier = [0.5, 0.9, 0.8].map((share) =>
      sprintReport({
        ...tracked,
        committed: [{ key: "X-1", points: 10, statusCategory: "new" }],
        final: [{ key: "X-1", points: 10, statusCategory: share >= 0.8 ? "done" : "new" }],
        changes: [],
        plannedCapacity: 10 / share,
      }),
    );
    const compared = againstHistory(sprintReport(tracked), earlier);
    expect(compared.sprints).toBe(3);
    expect(compared.planningAccuracy).toEqual({ sprint: 0.455, median: 1 });
    expect(compared.capacityAccuracy).toMatchObject({ sprint: 0.75, median: 0.8, sprintsWithCapacity: 3 });
  });
});

describe("carryoverReason", () => {
  it.each([
    [{ statusCategory: "new", status: "In Review" }, "not-started"],
    [{ statusCategory: "indeterminate", status: "QA" }, "in-review"],
    [{ statusCategory: "indeterminate", status: "Ready for testing" }, "in-review"],
    [{ statusCategory: "indeterminate", status: "In Progress", blocked: true }, "blocked"],
    [{ statusCategory: "indeterminate", status: "In Progress" }, "in-progress"],
    [{ statusCategory: "indeterminate" }, "in-progress"],
    [{ statusCategory: "done", status: "Done" }, "finished-later"],
  ] as const)("%o → %s", (item, reason) => {
    expect(carryoverReason(item)).toBe(reason);
  });
});

describe("sprintTrends", () => {
  it("keeps the last 26 sprints, oldest first, and leaves backfilled sprints out of the interrupt rate", () => {
    const sprints = Array.from({ length: 30 }, (_, index) => {
      const start = new Date(Date.UTC(2025, 0, 5 + index * 14)).toISOString().slice(0, 10);
      const end = new Date(Date.UTC(2025, 0, 19 + index * 14)).toISOString().slice(0, 10);
      const input = { ...tracked, sprint: sprint(100 + index, start, end) };
      const changes = tracked.changes.map((c) => ({ ...c, occurredAt: `${start}T12:00:00.000Z` }));
      return index % 2 === 0 ? { ...input, changes } : { ...input, committed: null, changes: [] };
    }).map((input) => ({
      sprintId: input.sprint.id,
      name: input.sprint.name,
      startDate: input.sprint.startDate,
      completeDate: input.sprint.completeDate,
      report: sprintReport(input),
    }));
    const trends = sprintTrends([...sprints].reverse());
    expect(trends.rows).toHaveLength(26);
    expect(trends.rows[0]?.sprintId).toBe(104);
    expect(trends.rows.at(-1)?.sprintId).toBe(129);
    expect(trends.trackedSprints).toBe(13);
    expect(trends.backfilledSprints).toBe(13);
    expect(trends.interruptRate).toBe(0.364);
    expect(trends.rows.filter((r) => r.basis === "backfilled").every((r) => r.interruptRate === null)).toBe(true);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the middle two, skipping unknowns", () => {
    expect(median([])).toBeNull();
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
