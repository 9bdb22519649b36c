import { describe, expect, it } from "vitest";
import {
  bugFlow,
  bugShare,
  escapedInRelease,
  fixedAt,
  meanOpenAgeDays,
  median,
  releaseQualityRows,
  releaseWindows,
  sprintQualityRows,
  timeToFix,
  type EscapedDefect,
  type QualityPeriod,
} from "./index";

const at = (iso: string) => new Date(iso);
const sprint: QualityPeriod = {
  id: "1",
  label: "S1",
  start: at("2026-11-02T00:00:00Z"),
  end: at("2026-11-16T00:00:00Z"),
};
const defect = (overrides: Partial<EscapedDefect> = {}): EscapedDefect => ({
  sentryIssueId: "s1",
  jiraIssueKey: "ACME-1",
  linkedAt: at("2026-11-05T12:00:00Z"),
  firstSeen: at("2026-11-05T00:00:00Z"),
  firstRelease: null,
  ticketResolvedAt: null,
  sentryResolvedAt: null,
  ...overrides,
});

describe("bugFlow", () => {
  it("counts bugs filed and resolved inside the period, start inclusive and end exclusive", () => {
    const bugs = [
      { key: "A", created: at("2026-11-02T00:00:00Z"), resolvedAt: at("2026-11-16T00:00:00Z") },
      { key: "B", created: at("2026-10-30T00:00:00Z"), resolvedAt: at("2026-11-10T00:00:00Z") },
      { key: "C", created: at("2026-11-15T23:00:00Z"), resolvedAt: null },
    ];
    expect(bugFlow(bugs, sprint)).toEqual({ created: 2, resolved: 1 });
  });
});

describe("bugShare", () => {
  it("is bug points over completed points of the done items", () => {
    expect(
      bugShare([
        { points: 3, statusCategory: "done", issueType: "Bug" },
        { points: 5, statusCategory: "done", issueType: "Story" },
        { points: 8, statusCategory: "indeterminate", issueType: "Bug" },
        { points: null, statusCategory: "done", issueType: "Bug" },
      ]),
    ).toBe(3 / 8);
  });

  it("is unknown when the snapshot records no issue types, or nothing with points was done", () => {
    expect(bugShare([{ points: 3, statusCategory: "done" }])).toBeNull();
    expect(bugShare([{ points: null, statusCategory: "done", issueType: "Bug" }])).toBeNull();
  });
});

describe("releaseWindows", () => {
  it("runs each release from its first production deploy to the next release's, newest first", () => {
    const now = at("2026-12-01T00:00:00Z");
    const windows = releaseWindows(
      [
        { version: "2.14.0", finishedAt: at("2026-11-10T00:00:00Z") },
        { version: "2.13.0", finishedAt: at("2026-11-03T00:00:00Z") },
        { version: "2.14.0", finishedAt: at("2026-11-12T00:00:00Z") },
        { version: "2.14.1", finishedAt: at("2026-11-11T00:00:00Z") },
      ],
      now,
    );
    expect(windows.map((w) => [w.id, w.start.toISOString().slice(0, 10), w.end.toISOString().slice(0, 10)])).toEqual([
      ["2.14.1", "2026-11-11", "2026-12-01"],
      ["2.14.0", "2026-11-10", "2026-11-11"],
      ["2.13.0", "2026-11-03", "2026-11-10"],
    ]);
  });
});

describe("escapedInRelease", () => {
  const releases = releaseWindows(
    [
      { version: "1.0", finishedAt: at("2026-11-01T00:00:00Z") },
      { version: "1.1", finishedAt: at("2026-11-08T00:00:00Z") },
    ],
    at("2026-11-20T00:00:00Z"),
  );
  const versions = new Set(["1.0", "1.1"]);
  it("counts a defect in the release Sentry first saw it in, else in the release live when it was first seen", () => {
    const defects = [
      defect({ firstRelease: "1.0", firstSeen: at("2026-11-09T00:00:00Z") }),
      defect({ firstRelease: "0.9", firstSeen: at("2026-11-09T00:00:00Z") }),
      defect({ firstSeen: null, linkedAt: at("2026-11-02T00:00:00Z") }),
    ];
    const [newer, older] = releases;
    expect(escapedInRelease(defects, older!, versions)).toEqual([defects[0], defects[2]]);
    expect(escapedInRelease(defects, newer!, versions)).toEqual([defects[1]]);
  });
});

describe("time to fix", () => {
  it("fixes at the first of the ticket's and the Sentry issue's resolution", () => {
    expect(
      fixedAt(defect({ ticketResolvedAt: at("2026-11-09T00:00:00Z"), sentryResolvedAt: at("2026-11-08T00:00:00Z") })),
    ).toEqual(at("2026-11-08T00:00:00Z"));
    expect(fixedAt(defect())).toBeNull();
  });

  it("takes medians over the defects where both ends are known", () => {
    const result = timeToFix([
      defect({ sentryResolvedAt: at("2026-11-06T12:00:00Z") }),
      defect({ firstSeen: at("2026-11-04T12:00:00Z"), ticketResolvedAt: at("2026-11-08T12:00:00Z") }),
      defect({ firstSeen: null }),
    ]);
    expect(result).toEqual({
      firstSeenToTicketHours: 18,
      firstSeenToTicketCount: 2,
      ticketToFixHours: 48,
      ticketToFixCount: 2,
    });
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe("meanOpenAgeDays", () => {
  it("averages the open Critical issues' ages in days", () => {
    const now = at("2026-11-10T00:00:00Z");
    expect(meanOpenAgeDays([at("2026-11-09T00:00:00Z"), at("2026-11-07T00:00:00Z")], now)).toBe(2);
    expect(meanOpenAgeDays([], now)).toBeNull();
  });
});

describe("quality rows", () => {
  it("puts a sprint's bug flow, escaped defects, bug share and medians in one row", () => {
    const [row] = sprintQualityRows(
      [
        {
          ...sprint,
          completedPoints: 10,
          items: [
            { points: 2, statusCategory: "done", issueType: "Bug" },
            { points: 8, statusCategory: "done", issueType: "Story" },
          ],
        },
      ],
      [{ key: "B-1", created: at("2026-11-03T00:00:00Z"), resolvedAt: null }],
      [defect({ sentryResolvedAt: at("2026-11-06T12:00:00Z") }), defect({ linkedAt: at("2026-11-20T00:00:00Z") })],
    );
    expect(row).toMatchObject({
      label: "S1",
      bugsCreated: 1,
      bugsResolved: 0,
      escapedDefects: 1,
      bugShare: 0.2,
      firstSeenToTicketHours: 12,
      ticketToFixHours: 24,
    });
  });

  it("gives releases no bug share (releases have no close snapshot)", () => {
    const releases = releaseWindows(
      [{ version: "1.0", finishedAt: at("2026-11-01T00:00:00Z") }],
      at("2026-11-20T00:00:00Z"),
    );
    expect(releaseQualityRows(releases, [], [defect()])).toEqual([
      expect.objectContaining({ id: "1.0", escapedDefects: 1, bugShare: null }),
    ]);
  });
});
