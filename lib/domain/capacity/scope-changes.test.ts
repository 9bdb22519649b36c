import { describe, expect, it } from "vitest";
import type { JiraChange, JiraEvent, JiraIssueFacts } from "../jira-events/events";
import { parseSprintIds, replayToStart, scopeChangesFromIssueEvent, type ScopeChangeInput } from "./scope-changes";

const AT = "2026-11-24T14:05:00.000Z";

const issue = (overrides: Partial<JiraIssueFacts> = {}): JiraIssueFacts => ({
  id: "10042",
  key: "ACME-42",
  projectKey: "ACME",
  summary: "Berth lookup",
  status: { id: "3", name: "In Progress", category: "indeterminate" },
  assignee: null,
  sprintIds: [7],
  numericFields: { customfield_10016: 5 },
  labels: [],
  ...overrides,
});

/** A changelog item; a plain record, since `toString` as an optional key clashes with every object's own. */
const change = (overrides: Record<string, string | null>): JiraChange =>
  ({
    field: "status",
    fieldId: "status",
    from: null,
    fromString: null,
    to: null,
    toString: null,
    ...overrides,
  }) as JiraChange;

const updated = (changes: JiraChange[], facts: Partial<JiraIssueFacts> = {}): JiraEvent => ({
  type: "jira.issue",
  action: "updated",
  at: AT,
  issue: issue(facts),
  changes,
  actorAccountId: "acc-1",
  comment: null,
});

const STATUSES = { "1": "new", "3": "indeterminate", "10001": "done", "10002": "done" } as const;

const read = (event: JiraEvent, overrides: Partial<ScopeChangeInput> = {}) =>
  scopeChangesFromIssueEvent({
    event,
    sourceKey: "wh-1",
    openSprintIds: new Set([7]),
    estimationField: null,
    statusCategories: STATUSES,
    ...overrides,
  });

describe("parseSprintIds", () => {
  it("reads Jira's comma-joined sprint ids, with or without spaces, and skips anything else", () => {
    expect(parseSprintIds("7")).toEqual([7]);
    expect(parseSprintIds("6, 7,8")).toEqual([6, 7, 8]);
    expect(parseSprintIds("")).toEqual([]);
    expect(parseSprintIds(null)).toEqual([]);
    expect(parseSprintIds("7, Sprint 8, -1")).toEqual([7]);
  });
});

describe("scopeChangesFromIssueEvent", () => {
  it("an issue moved into a running sprint is added with its points, dated and keyed by the changelog item", () => {
    const event = updated([change({ field: "Sprint", fieldId: "customfield_10020", from: "6", to: "6, 7" })]);
    expect(read(event)).toEqual([
      {
        sprintId: 7,
        issueKey: "ACME-42",
        kind: "added",
        points: 5,
        previousPoints: null,
        occurredAt: AT,
        day: "2026-11-24",
        sourceKey: "wh-1:0:7",
      },
    ]);
  });

  it("an issue moved out of a running sprint is removed; moving between two running sprints is both", () => {
    const out = updated([change({ field: "Sprint", fieldId: "customfield_10020", from: "7", to: "" })], {
      sprintIds: [],
    });
    expect(read(out).map((c) => [c.kind, c.sprintId, c.points])).toEqual([["removed", 7, 5]]);
    const across = updated([change({ field: "Sprint", fieldId: "customfield_10020", from: "7", to: "8" })], {
      sprintIds: [8],
    });
    expect(read(across, { openSprintIds: new Set([7, 8]) }).map((c) => [c.kind, c.sprintId, c.sourceKey])).toEqual([
      ["added", 8, "wh-1:0:8"],
      ["removed", 7, "wh-1:0:7"],
    ]);
  });

  it("sprints that are not running (future, closed, unknown) are left out", () => {
    const event = updated([change({ field: "Sprint", fieldId: "customfield_10020", from: "3", to: "9" })]);
    expect(read(event)).toEqual([]);
  });

  it("a Sprint item without a field id (older payloads) is still read by its name", () => {
    const event = updated([change({ field: "Sprint", fieldId: null, from: "", to: "7" })]);
    expect(read(event).map((c) => c.kind)).toEqual(["added"]);
  });

  it("a status change into the done category completes the issue; out of it reopens it", () => {
    const done = updated([change({ from: "3", to: "10001", fromString: "In Progress", toString: "Done" })], {
      status: { id: "10001", name: "Done", category: "done" },
    });
    expect(read(done).map((c) => [c.kind, c.points])).toEqual([["completed", 5]]);
    const reopened = updated([change({ from: "10001", to: "3" })]);
    expect(read(reopened).map((c) => c.kind)).toEqual(["reopened"]);
  });

  it("a move between two done statuses, or between two open ones, changes nothing", () => {
    expect(read(updated([change({ from: "10001", to: "10002" })]))).toEqual([]);
    expect(read(updated([change({ from: "1", to: "3" })]))).toEqual([]);
  });

  it("a status the site list does not know yet takes its category from the issue's current status", () => {
    const event = updated([change({ from: "3", to: "20000" })], {
      status: { id: "20000", name: "Shipped", category: "done" },
    });
    expect(read(event).map((c) => c.kind)).toEqual(["completed"]);
    // An unknown status left is taken as not done: into done is a completion, not a no-op.
    expect(read(event, { statusCategories: {} }).map((c) => c.kind)).toEqual(["completed"]);
  });

  it("a re-estimate on the default story-points field records the points before and after", () => {
    const event = updated(
      [
        change({
          field: "Story point estimate",
          fieldId: "customfield_10016",
          from: null,
          fromString: "3",
          to: null,
          toString: "5",
        }),
      ],
      { numericFields: { customfield_10016: 5 } },
    );
    expect(read(event)).toEqual([expect.objectContaining({ kind: "estimated", points: 5, previousPoints: 3 })]);
  });

  it("uses the board's estimation field when known, and ignores the default one then", () => {
    const estimate = change({ field: "Story Points", fieldId: "customfield_10028", fromString: "", toString: "8" });
    const other = change({
      field: "Story point estimate",
      fieldId: "customfield_10016",
      fromString: "1",
      toString: "2",
    });
    const event = updated([other, estimate], { numericFields: { customfield_10028: 8, customfield_10016: 2 } });
    expect(read(event, { estimationField: "customfield_10028" })).toEqual([
      expect.objectContaining({ kind: "estimated", points: 8, previousPoints: null, sourceKey: "wh-1:1:7" }),
    ]);
  });

  it("an estimate cleared is an estimate of null; the same value again is nothing", () => {
    const cleared = updated([change({ field: "x", fieldId: "customfield_10016", fromString: "5", toString: null })]);
    expect(read(cleared)).toEqual([expect.objectContaining({ kind: "estimated", points: null, previousPoints: 5 })]);
    const same = updated([change({ field: "x", fieldId: "customfield_10016", fromString: "5", toString: "5.0" })]);
    expect(read(same)).toEqual([]);
  });

  it("an issue created straight into a running sprint is added; one deleted from it is removed", () => {
    const created: JiraEvent = { ...(updated([]) as Extract<JiraEvent, { type: "jira.issue" }>), action: "created" };
    expect(read(created)).toEqual([expect.objectContaining({ kind: "added", points: 5, sourceKey: "wh-1:created:7" })]);
    const deleted: JiraEvent = { ...(updated([]) as Extract<JiraEvent, { type: "jira.issue" }>), action: "deleted" };
    expect(read(deleted)).toEqual([expect.objectContaining({ kind: "removed", sourceKey: "wh-1:deleted:7" })]);
    const inBacklog: JiraEvent = {
      ...(created as Extract<JiraEvent, { type: "jira.issue" }>),
      issue: issue({ sprintIds: [] }),
    };
    expect(read(inBacklog)).toEqual([]);
  });

  it("one event with several items yields one change per item, each with its own key", () => {
    const event = updated(
      [
        change({ field: "Sprint", fieldId: "customfield_10020", from: "", to: "7" }),
        change({ field: "summary", fieldId: "summary", fromString: "a", toString: "b" }),
        change({ from: "3", to: "10001" }),
      ],
      { status: { id: "10001", name: "Done", category: "done" } },
    );
    expect(read(event).map((c) => [c.kind, c.sourceKey])).toEqual([
      ["added", "wh-1:0:7"],
      ["completed", "wh-1:2:7"],
    ]);
  });

  it("the same event read twice gives the same keys (a redelivery stores nothing new)", () => {
    const event = updated([change({ from: "3", to: "10001" })]);
    expect(read(event)).toEqual(read(event));
  });

  it("events that are not issue events record nothing", () => {
    const sprint: JiraEvent = {
      type: "jira.sprint",
      action: "started",
      at: AT,
      sprint: {
        id: 7,
        name: "S7",
        state: "active",
        startDate: AT,
        endDate: null,
        completeDate: null,
        originBoardId: 1,
      },
    };
    expect(read(sprint)).toEqual([]);
  });
});

describe("replayToStart", () => {
  const at = (minute: number) => `2026-11-24T10:${String(minute).padStart(2, "0")}:00.000Z`;
  const scope = (
    issueKey: string,
    kind: "added" | "removed" | "estimated" | "completed",
    minute: number,
    points: number | null,
    previousPoints: number | null = null,
  ) => ({
    issueKey,
    kind,
    points,
    previousPoints,
    occurredAt: at(minute),
  });

  it("with no recorded changes the start is the sprint as it is", () => {
    expect(replayToStart([{ key: "A-1", points: 3 }], [])).toEqual([{ key: "A-1", points: 3 }]);
  });

  it("undoes additions, removals and re-estimates made after the start, newest first", () => {
    const now = [
      { key: "A-1", points: 8 },
      { key: "A-3", points: 2 },
    ];
    const changes = [
      scope("A-1", "estimated", 10, 5, 3),
      scope("A-1", "estimated", 20, 8, 5),
      scope("A-2", "removed", 15, 5),
      scope("A-3", "added", 12, 2),
      scope("A-1", "completed", 30, 8),
    ];
    expect(replayToStart(now, changes)).toEqual([
      { key: "A-1", points: 3 },
      { key: "A-2", points: 5 },
    ]);
  });

  it("an issue removed and added back was there at the start; one added and removed again was not", () => {
    const back = replayToStart(
      [{ key: "A-1", points: 3 }],
      [scope("A-1", "removed", 10, 3), scope("A-1", "added", 20, 3)],
    );
    expect(back).toEqual([{ key: "A-1", points: 3 }]);
    const passing = replayToStart([], [scope("A-2", "added", 10, 1), scope("A-2", "removed", 20, 1)]);
    expect(passing).toEqual([]);
  });
});
