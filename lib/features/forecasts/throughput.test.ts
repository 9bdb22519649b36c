import { describe, expect, it } from "vitest";
import { toOpenWork } from "./open-work";
import { completedIssueCount, toThroughputSprint } from "./throughput";

const snapshot = (items: object[]) => ({
  sprintName: "S1",
  sprintStart: new Date("2026-11-02T09:00:00Z"),
  sprintEnd: new Date("2026-11-16T09:00:00Z"),
  takenAt: new Date("2026-11-16T10:00:00Z"),
  completedPoints: 13,
  issues: { source: "backfill", items },
});

describe("throughput from close snapshots", () => {
  it("counts done issues, but not one resolved more than a day after the sprint ended", () => {
    const close = snapshot([
      { key: "A-1", statusCategory: "done" },
      { key: "A-2", statusCategory: "done", resolvedAt: "2026-11-17T08:00:00Z" },
      { key: "A-3", statusCategory: "done", resolvedAt: "2026-11-20T08:00:00Z" },
      { key: "A-4", statusCategory: "indeterminate" },
    ]);
    expect(completedIssueCount(close)).toBe(2);
    expect(toThroughputSprint(close)).toEqual({
      name: "S1",
      start: close.sprintStart,
      end: close.sprintEnd,
      completedPoints: 13,
      completedIssues: 2,
    });
  });
});

describe("toOpenWork", () => {
  it("keeps what the forecast needs and lists the versions no issue sees released, in version order", () => {
    const base = {
      summary: "",
      status: "To Do",
      statusCategory: "new" as const,
      assigneeAccountId: null,
      components: [],
      labels: [],
      blockedBy: [],
      sprintIds: [],
      resolvedAt: null,
      created: null,
    };
    const work = toOpenWork([
      {
        ...base,
        key: "A-1",
        issueType: "Story",
        points: 3,
        epic: null,
        fixVersions: [{ name: "2.10.0", released: false }],
      },
      {
        ...base,
        key: "A-2",
        issueType: "Bug",
        points: null,
        epic: { key: "E-1", name: "Pay" },
        fixVersions: [
          { name: "2.9.0", released: false },
          { name: "2.8.0", released: true },
        ],
      },
    ]);
    expect(work.unreleasedVersions).toEqual(["2.9.0", "2.10.0"]);
    expect(work.issues[1]).toEqual({
      key: "A-2",
      issueType: "Bug",
      points: null,
      statusCategory: "new",
      epic: { key: "E-1", name: "Pay" },
      fixVersions: ["2.9.0", "2.8.0"],
    });
  });
});
