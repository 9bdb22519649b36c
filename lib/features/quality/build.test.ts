import { describe, expect, it } from "vitest";
import { buildQuality, type QualityInputs } from "./build";

const at = (iso: string) => new Date(iso);
const now = at("2026-12-01T00:00:00Z");
const link = (jiraIssueKey: string, createdAt: string, sentryResolvedAt: string | null = null) => ({
  sentryIssueId: `s-${jiraIssueKey}`,
  jiraIssueKey,
  createdAt: at(createdAt),
  fieldStates: sentryResolvedAt ? [{ sentryValue: "closed", sentryChangedAt: at(sentryResolvedAt) }] : [],
});
const snapshot = (boardId: number, sprintId: number, start: string, end: string) => ({
  boardId,
  sprintId,
  sprintName: `Sprint ${sprintId}`,
  sprintStart: at(start),
  sprintEnd: at(end),
  takenAt: at(end),
  completedPoints: 10,
  issues: {
    source: "observed",
    items: [
      { key: "ACME-1", points: 2, statusCategory: "done", issueType: "Bug" },
      { key: "ACME-2", points: 8, statusCategory: "done", issueType: "Story" },
    ],
  },
});
const inputs = (overrides: Partial<QualityInputs> = {}): QualityInputs => ({
  bugs: [
    { key: "ACME-10", created: at("2026-11-03T00:00:00Z"), resolvedAt: at("2026-11-05T00:00:00Z") },
    { key: "PORT-3", created: at("2026-11-04T00:00:00Z"), resolvedAt: null },
  ],
  sentryIssues: [
    { id: "s-ACME-10", firstSeen: "2026-11-02T12:00:00Z", firstReleaseVersion: "2.0", severity: "critical" },
    { id: "x", firstSeen: "2026-11-29T00:00:00Z", firstReleaseVersion: null, severity: "critical" },
    { id: "y", firstSeen: "2026-11-01T00:00:00Z", firstReleaseVersion: null, severity: "low" },
  ],
  stored: {
    links: [link("ACME-10", "2026-11-03T00:00:00Z"), link("PORT-3", "2026-11-04T00:00:00Z", "2026-11-06T00:00:00Z")],
    deploys: [
      { version: "1.0", finishedAt: at("2026-10-20T00:00:00Z") },
      { version: "2.0", finishedAt: at("2026-11-01T00:00:00Z") },
    ],
    snapshots: [
      snapshot(1, 11, "2026-11-02T00:00:00Z", "2026-11-16T00:00:00Z"),
      snapshot(2, 21, "2026-11-02T00:00:00Z", "2026-11-16T00:00:00Z"),
    ],
  },
  board: { id: 1, projectKey: "ACME" },
  now,
  ...overrides,
});

describe("buildQuality", () => {
  it("counts a board's sprints with its project's bugs and tickets only", () => {
    const { sprints } = buildQuality(inputs());
    expect(sprints).toEqual([
      expect.objectContaining({
        label: "Sprint 11",
        bugsCreated: 1,
        bugsResolved: 1,
        escapedDefects: 1,
        bugShare: 0.2,
      }),
    ]);
    // First seen 12 h before the ticket; fixed when the Jira bug was resolved, two days after.
    expect(sprints[0]).toMatchObject({ firstSeenToTicketHours: 12, ticketToFixHours: 48 });
  });

  it("counts releases across projects, and the open Critical issues' mean age", () => {
    const quality = buildQuality(inputs());
    expect(quality.releases.map((r) => [r.label, r.bugsCreated, r.escapedDefects])).toEqual([
      ["2.0", 2, 2],
      ["1.0", 0, 0],
    ]);
    expect(quality.critical?.open).toBe(2);
    expect(quality.critical?.meanAgeDays).toBeCloseTo((28.5 + 2) / 2);
    expect(quality.overall).toMatchObject({ escapedDefects: 2, ticketToFixCount: 2 });
  });

  it("leaves the Critical figures out when Sentry could not be read, and sprints out without a board", () => {
    const quality = buildQuality(inputs({ sentryIssues: null, board: null }));
    expect(quality.critical).toBeNull();
    expect(quality.sprints).toEqual([]);
  });
});
