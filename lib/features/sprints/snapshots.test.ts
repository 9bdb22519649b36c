import { describe, expect, it } from "vitest";
import type { JiraSprint, JiraWorkItem } from "@/lib/integrations/jira";
import { backfillClosedSprint, closeAgainstStart, snapshotItems } from "./snapshots";

const item = (
  key: string,
  points: number | null,
  statusCategory: JiraWorkItem["statusCategory"],
  resolvedAt: string | null = null,
): JiraWorkItem => ({
  key,
  summary: key,
  issueType: "Story",
  status: statusCategory,
  statusCategory,
  points,
  assigneeAccountId: null,
  components: ["Platform"],
  labels: [],
  epic: null,
  blockedBy: [],
  sprintIds: [1],
  resolvedAt,
});
const sprint: JiraSprint = {
  id: 1,
  name: "S1",
  state: "closed",
  startDate: "2026-11-02T09:00:00Z",
  endDate: "2026-11-16T09:00:00Z",
  completeDate: "2026-11-16T10:00:00Z",
  goal: null,
};

describe("backfillClosedSprint", () => {
  it("counts everything in the sprint as committed and what was resolved by its end as completed", () => {
    const result = backfillClosedSprint(sprint, [
      item("A-1", 5, "done", "2026-11-10T12:00:00Z"),
      item("A-2", 3, "done", "2026-11-30T12:00:00Z"),
      item("A-3", 8, "indeterminate"),
      item("A-4", null, "done", "2026-11-05T00:00:00Z"),
    ]);
    expect(result).toMatchObject({ committedPoints: 16, completedPoints: 5, addedPoints: 0, removedPoints: 0 });
    expect(result.issues.source).toBe("backfill");
  });
});

describe("closeAgainstStart", () => {
  it("measures scope added and removed since the start snapshot", () => {
    const start = snapshotItems([item("A-1", 5, "new"), item("A-2", 3, "new")], "observed");
    const result = closeAgainstStart(start, [item("A-1", 5, "done"), item("A-9", 2, "done")]);
    expect(result).toMatchObject({ committedPoints: 8, completedPoints: 7, addedPoints: 2, removedPoints: 3 });
  });

  it("without a start snapshot, commits what it sees and measures no scope change", () => {
    expect(closeAgainstStart(null, [item("A-1", 5, "done")])).toMatchObject({
      committedPoints: 5,
      completedPoints: 5,
      addedPoints: 0,
      removedPoints: 0,
    });
  });
});

describe("snapshotItems", () => {
  it("keeps each issue's status, type, resolution time and whether an unfinished issue blocks it", () => {
    const blocked = { ...item("A-1", 5, "indeterminate"), status: "In Progress" };
    blocked.blockedBy = [
      { key: "A-7", statusCategory: "done" },
      { key: "A-8", statusCategory: "indeterminate" },
    ];
    const unblocked = { ...item("A-2", 3, "done", "2026-11-10T12:00:00Z"), status: "Done" };
    unblocked.blockedBy = [{ key: "A-7", statusCategory: "done" }];
    expect(snapshotItems([blocked, unblocked], "observed").items).toEqual([
      expect.objectContaining({
        key: "A-1",
        status: "In Progress",
        issueType: "Story",
        resolvedAt: null,
        blocked: true,
      }),
      expect.objectContaining({ key: "A-2", status: "Done", resolvedAt: "2026-11-10T12:00:00Z", blocked: false }),
    ]);
  });
});
