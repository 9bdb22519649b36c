import { describe, expect, it } from "vitest";
import { remainingByEpic, remainingByVersion, remainingOf, type OpenIssue } from "./remaining";

const issue = (key: string, overrides: Partial<OpenIssue> = {}): OpenIssue => ({
  key,
  issueType: "Story",
  points: 3,
  statusCategory: "new",
  epic: { key: "E-1", name: "Checkout" },
  fixVersions: [],
  ...overrides,
});

describe("remaining work", () => {
  it("sums open issues' points, counts them and the unestimated ones, and leaves out done work and epics", () => {
    expect(
      remainingOf([
        issue("A-1"),
        issue("A-2", { points: null, statusCategory: "indeterminate" }),
        issue("A-3", { statusCategory: "done" }),
        issue("E-1", { issueType: "Epic", points: 40, epic: null }),
      ]),
    ).toEqual({ points: 3, issues: 2, unestimatedIssues: 1 });
  });

  it("groups by epic, largest first, skipping issues without one", () => {
    const groups = remainingByEpic([
      issue("A-1"),
      issue("A-2", { epic: { key: "E-2", name: "Search" } }),
      issue("A-3", { epic: { key: "E-2", name: "Search" } }),
      issue("A-4", { epic: null }),
    ]);
    expect(groups.map((g) => [g.key, g.name, g.remaining.issues])).toEqual([
      ["E-2", "Search", 2],
      ["E-1", "Checkout", 1],
    ]);
  });

  it("groups by the named versions only, and an issue in two versions counts in both", () => {
    const groups = remainingByVersion(
      [issue("A-1", { fixVersions: ["2.15.0", "2.16.0"] }), issue("A-2", { fixVersions: ["2.16.0"] })],
      ["2.16.0", "2.15.0", "2.17.0"],
    );
    expect(groups.map((g) => [g.key, g.remaining.points])).toEqual([
      ["2.16.0", 6],
      ["2.15.0", 3],
    ]);
  });
});
