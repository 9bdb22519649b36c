import { describe, expect, it } from "vitest";
import type { JiraChange } from "@/lib/domain/jira-events/events";
import { extractFixedShortIds } from "./commit-message";
import { decideFromJira, type JiraIssueEvent } from "./from-jira";
import { decideFromSentry, type SentryChange } from "./from-sentry";
import { checkConflict, findEcho } from "./guards";
import { DEFAULT_SYNC_SETTINGS, readSyncSettings, type SyncSettings } from "./settings";
import type { Echo, FieldState, SyncPerson } from "./types";

const NOW = new Date("2026-12-03T08:00:00Z");
const pair = { linkId: "link1", jiraIssueKey: "ACME-7", sentryIssueId: "4711", sentryShortId: "WEB-G" };
const ON: SyncSettings = {
  ...DEFAULT_SYNC_SETTINGS,
  jiraStatusToSentry: true,
  sentryStatusToJira: true,
  assignees: true,
  comments: true,
  commitMessages: true,
};
const people: SyncPerson[] = [
  { name: "Ada", email: "ada@acme.test", jiraAccountId: "acc-ada" },
  { name: "Bo", email: "bo@acme.test", jiraAccountId: null },
];
const STATUS: Record<string, { id: string; name: string; category: "new" | "indeterminate" | "done" }> = {
  "To Do": { id: "1", name: "To Do", category: "new" },
  "In Progress": { id: "3", name: "In Progress", category: "indeterminate" },
  "In Review": { id: "4", name: "In Review", category: "indeterminate" },
  Done: { id: "5", name: "Done", category: "done" },
};
const change = (field: string, from: string | null, to: string | null, toString = to): JiraChange => ({
  field,
  fieldId: field,
  from,
  fromString: from,
  to,
  toString,
});
function jiraEvent(
  changes: JiraChange[],
  { status = "Done", at = "2026-12-03T07:59:00Z", assignee = null as JiraIssueEvent["issue"]["assignee"] } = {},
): JiraIssueEvent {
  return {
    type: "jira.issue",
    action: "updated",
    at,
    issue: {
      id: "10007",
      key: "ACME-7",
      projectKey: "ACME",
      summary: "Crash",
      status: STATUS[status] ?? null,
      assignee,
      sprintIds: [],
      numericFields: {},
      labels: [],
    },
    changes,
    actorAccountId: "acc-ada",
    comment: null,
  };
}
const echo = (fields: Partial<Echo>): Echo => ({
  id: "e1",
  service: "sentry",
  objectId: "4711",
  field: "status",
  value: "resolved",
  expiresAt: new Date(NOW.getTime() + 60_000),
  ...fields,
});
const fromJira = (
  event: JiraIssueEvent,
  extra: { settings?: SyncSettings; echoes?: Echo[]; states?: Record<string, FieldState> } = {},
) =>
  decideFromJira({
    event,
    pair,
    settings: extra.settings ?? ON,
    echoes: extra.echoes ?? [],
    states: extra.states ?? {},
    people,
    now: NOW,
  });
const fromSentry = (
  sentryChange: SentryChange,
  extra: { settings?: SyncSettings; echoes?: Echo[]; states?: Record<string, FieldState> } = {},
) =>
  decideFromSentry({
    change: sentryChange,
    at: NOW,
    pair,
    settings: extra.settings ?? ON,
    echoes: extra.echoes ?? [],
    states: extra.states ?? {},
    people,
    now: NOW,
  });

describe("Jira status → Sentry", () => {
  it.each([
    ["In Review", "Done", "applied", { kind: "sentry.status", status: "resolved", inNextRelease: false }],
    ["Done", "To Do", "applied", { kind: "sentry.status", status: "unresolved", inNextRelease: false }],
    ["To Do", "In Progress", null, null],
    ["In Progress", "In Review", null, null],
  ] as const)("%s → %s: %s", (from, to, outcome, write) => {
    const decisions = fromJira(jiraEvent([change("status", from, to)], { status: to }));
    if (outcome === null) return expect(decisions).toEqual([]);
    expect(decisions).toEqual([
      expect.objectContaining({ field: "status", outcome, write: expect.objectContaining(write) }),
    ]);
  });

  it("resolves in the next release when the org says so, and expects the echo", () => {
    const [decision] = fromJira(jiraEvent([change("status", "In Review", "Done")]), {
      settings: { ...ON, resolveIn: "next_release" },
    });
    expect(decision).toMatchObject({
      write: { kind: "sentry.status", issueId: "4711", status: "resolved", inNextRelease: true },
      echo: { service: "sentry", objectId: "4711", field: "status", value: "resolved" },
      detail: "Resolved WEB-G in Sentry in the next release",
    });
  });

  it("does nothing while the direction is off, and only notes a reopen when unresolving is off", () => {
    expect(fromJira(jiraEvent([change("status", "In Review", "Done")]), { settings: DEFAULT_SYNC_SETTINGS })).toEqual(
      [],
    );
    expect(
      fromJira(jiraEvent([change("status", "Done", "To Do")], { status: "To Do" }), {
        settings: { ...ON, unresolveOnReopen: false },
      }),
    ).toEqual([expect.objectContaining({ outcome: "skipped", write: null })]);
  });

  it("recognises Bosun's own transition as an echo and writes nothing", () => {
    const [decision] = fromJira(jiraEvent([change("status", "In Review", "Done")]), {
      echoes: [echo({ service: "jira", objectId: "ACME-7", value: "Done" })],
    });
    expect(decision).toMatchObject({ outcome: "echo", write: null, matchedEchoId: "e1" });
  });

  it("skips when Sentry already has the status", () => {
    const state = { jiraValue: "open", jiraChangedAt: NOW, sentryValue: "closed", sentryChangedAt: NOW };
    const [decision] = fromJira(jiraEvent([change("status", "In Review", "Done")]), { states: { status: state } });
    expect(decision).toMatchObject({ outcome: "skipped", write: null });
  });

  it("ignores the steps of Bosun's own forward move, and recognises its last step as an echo", () => {
    const closed = new Date("2026-12-03T07:00:00Z");
    const state = { jiraValue: "closed", jiraChangedAt: closed, sentryValue: "closed", sentryChangedAt: closed };
    const echoes = [echo({ service: "jira", objectId: "ACME-7", value: "Done" })];
    const step = jiraEvent([change("status", "To Do", "In Progress")], { status: "In Progress" });
    expect(fromJira(step, { states: { status: state }, echoes })).toEqual([]);
    const last = jiraEvent([change("status", "In Review", "Done")]);
    expect(fromJira(last, { states: { status: state }, echoes })).toEqual([
      expect.objectContaining({ outcome: "echo", write: null }),
    ]);
  });
});

describe("conflicts: the later change wins", () => {
  const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
  it.each([
    // Sentry unresolved 2 min ago, not yet taken by Jira; Jira goes Done 1 min ago: Jira is later and wins.
    [
      { jiraValue: "open", jiraChangedAt: minutesAgo(30), sentryValue: "open", sentryChangedAt: minutesAgo(2) },
      "clear",
    ],
    [
      { jiraValue: "closed", jiraChangedAt: minutesAgo(30), sentryValue: "open", sentryChangedAt: minutesAgo(2) },
      "jira",
    ],
    // Sentry changed after the Jira change now arriving: Sentry wins.
    [
      { jiraValue: "closed", jiraChangedAt: minutesAgo(30), sentryValue: "open", sentryChangedAt: minutesAgo(0.5) },
      "sentry",
    ],
    // Both agreed before: a newer change is just newer.
    [{ jiraValue: "open", jiraChangedAt: minutesAgo(5), sentryValue: "open", sentryChangedAt: minutesAgo(5) }, "clear"],
    // Outside the window and older than Sentry's change: stale.
    [
      {
        jiraValue: "closed",
        jiraChangedAt: minutesAgo(90),
        sentryValue: "open",
        sentryChangedAt: new Date(NOW.getTime() + 20 * 60_000),
      },
      "stale",
    ],
  ] as const)("%o → %s", (state, expected) => {
    const check = checkConflict({ side: "jira", value: "closed", at: minutesAgo(1), state, windowMs: 10 * 60_000 });
    expect(check.kind === "conflict" ? check.winner : check.kind).toBe(expected);
  });

  it("records both values and the winner, and writes only when the incoming side wins", () => {
    const sentryLater = {
      jiraValue: "open",
      jiraChangedAt: new Date("2026-12-03T07:30:00Z"),
      sentryValue: "open",
      sentryChangedAt: new Date("2026-12-03T07:59:30Z"),
    };
    const [lost] = fromJira(jiraEvent([change("status", "In Review", "Done")]), { states: { status: sentryLater } });
    expect(lost).toMatchObject({
      outcome: "conflict",
      write: null,
      conflict: {
        jira: { value: "closed", at: "2026-12-03T07:59:00.000Z" },
        sentry: { value: "open", at: "2026-12-03T07:59:30.000Z" },
        winner: "sentry",
      },
    });
    // Sentry's assignee changed (not yet taken by Jira), then Jira's a minute later: Jira is later and wins.
    const assignee = {
      jiraValue: "",
      jiraChangedAt: new Date("2026-12-03T07:30:00Z"),
      sentryValue: "bo@acme.test",
      sentryChangedAt: new Date("2026-12-03T07:58:00Z"),
    };
    const event = jiraEvent([change("assignee", null, "acc-ada", "Ada")]);
    const [won] = fromJira(event, { states: { assignee } });
    expect(won).toMatchObject({
      outcome: "conflict",
      write: { kind: "sentry.assign", email: "ada@acme.test" },
      conflict: { winner: "jira", sentry: { value: "bo@acme.test" } },
    });
  });
});

describe("assignees, matched by e-mail through members", () => {
  it.each([
    ["a member's Jira account", "acc-ada", null, "applied", "ada@acme.test"],
    ["an unknown account with a member's e-mail", "acc-x", "ADA@acme.test", "applied", "ada@acme.test"],
    ["an unknown person", "acc-x", "eve@else.test", "unmatched", undefined],
    ["nobody", null, null, "applied", null],
  ] as const)("Jira → Sentry: %s", (_, accountId, emailAddress, outcome, email) => {
    const assignee = accountId ? { accountId, emailAddress, displayName: "X" } : null;
    const [decision] = fromJira(jiraEvent([change("assignee", null, accountId, "X")], { assignee }));
    expect(decision).toMatchObject({ field: "assignee", outcome });
    if (email !== undefined) expect(decision?.write).toEqual({ kind: "sentry.assign", issueId: "4711", email });
    else expect(decision?.write).toBeNull();
  });

  it.each([
    ["ada@acme.test", "applied", "acc-ada"],
    ["bo@acme.test", "unmatched", undefined],
    ["eve@else.test", "unmatched", undefined],
  ] as const)("Sentry → Jira: %s", (email, outcome, accountId) => {
    const [decision] = fromSentry({ kind: "assigned", email, name: null });
    expect(decision).toMatchObject({ outcome });
    if (accountId) expect(decision?.write).toEqual({ kind: "jira.assign", issueKey: "ACME-7", accountId });
  });

  it("ignores the echo of its own Sentry assignment", () => {
    const [decision] = fromSentry(
      { kind: "assigned", email: "ada@acme.test", name: "Ada" },
      { echoes: [echo({ field: "assignee", value: "ada@acme.test" })] },
    );
    expect(decision).toMatchObject({ outcome: "echo", write: null });
  });
});

describe("Sentry → Jira", () => {
  it("moves the ticket forward to done on a resolution", () => {
    expect(fromSentry({ kind: "resolved" })).toEqual([
      expect.objectContaining({
        outcome: "applied",
        write: { kind: "jira.forward", issueKey: "ACME-7", target: "Done", order: ON.statusOrder },
        echo: { service: "jira", objectId: "ACME-7", field: "status", value: "Done" },
      }),
    ]);
    expect(fromSentry({ kind: "resolved" }, { settings: DEFAULT_SYNC_SETTINGS })).toEqual([]);
  });

  it.each([
    ["comment", [["regression", "jira.comment"]]],
    [
      "reopen",
      [
        ["regression", "jira.comment"],
        ["status", "jira.back"],
      ],
    ],
  ] as const)("a regression with onRegression=%s", (onRegression, expected) => {
    const decisions = fromSentry(
      { kind: "unresolved", regressed: true, release: "2.1.0" },
      { settings: { ...ON, onRegression } },
    );
    expect(decisions.map((d) => [d.field, d.write?.kind])).toEqual(expected);
    expect(decisions[0]?.write).toMatchObject({
      text: "Sentry: WEB-G is unresolved again (a regression), seen in release 2.1.0.",
    });
  });

  it("treats the unresolve Bosun made as an echo, with no comment", () => {
    const decisions = fromSentry(
      { kind: "unresolved", regressed: false, release: null },
      { echoes: [echo({ value: "unresolved" })] },
    );
    expect(decisions).toEqual([expect.objectContaining({ outcome: "echo", write: null })]);
  });

  it.each([
    [{ until: "2026-12-10T00:00:00Z", substatus: "archived_until_condition_met" }, "until 2026-12-10T00:00:00Z"],
    [{ until: null, substatus: "archived_until_escalating" }, "until it escalates"],
    [{ until: null, substatus: "archived_forever" }, "forever"],
  ])("archiving comments without resolving (%o)", (archived, words) => {
    const [decision] = fromSentry({ kind: "archived", ...archived });
    expect(decision).toMatchObject({ field: "archive", outcome: "applied", write: { kind: "jira.comment" } });
    expect(decision?.write).toMatchObject({ text: expect.stringContaining(`archived in Sentry ${words}`) });
  });

  it("copies a comment once, marked with its origin", () => {
    const [first] = fromSentry({
      kind: "comment",
      id: "9",
      text: "Looks like a race",
      author: "Ada",
      alreadyMirrored: false,
    });
    expect(first?.write).toEqual({
      kind: "jira.comment",
      issueKey: "ACME-7",
      text: "Sentry: Ada wrote: Looks like a race",
    });
    const [again] = fromSentry({
      kind: "comment",
      id: "9",
      text: "Looks like a race",
      author: "Ada",
      alreadyMirrored: true,
    });
    expect(again).toMatchObject({ outcome: "skipped", write: null });
    expect(
      fromSentry(
        { kind: "comment", id: "9", text: "x", author: "Ada", alreadyMirrored: false },
        { settings: DEFAULT_SYNC_SETTINGS },
      ),
    ).toEqual([]);
  });

  it("records a Jira comment without inventing a Sentry endpoint, and recognises its own mirror", () => {
    const event = {
      ...jiraEvent([]),
      comment: { id: "c1", text: "Deployed a fix", authorAccountId: "acc-ada", authorName: "Ada" },
    };
    expect(fromJira(event)).toEqual([
      expect.objectContaining({
        field: "comment",
        outcome: "skipped",
        write: null,
        detail: expect.stringContaining("no endpoint"),
      }),
    ]);
    const mirrored = { ...event, comment: { ...event.comment, text: "Sentry: Ada wrote: hi" } };
    expect(
      fromJira(mirrored, {
        echoes: [echo({ service: "jira", objectId: "ACME-7", field: "comment", value: "Sentry: Ada wrote: hi" })],
      }),
    ).toEqual([expect.objectContaining({ outcome: "echo" })]);
  });
});

describe("echoes", () => {
  it("match service, object, field and value, ignoring case, until they expire", () => {
    const stored = [echo({})];
    expect(
      findEcho(stored, { service: "sentry", objectId: "4711", field: "status", value: "RESOLVED" }, NOW),
    ).not.toBeNull();
    expect(
      findEcho(stored, { service: "sentry", objectId: "4711", field: "status", value: "unresolved" }, NOW),
    ).toBeNull();
    expect(findEcho(stored, { service: "jira", objectId: "4711", field: "status", value: "resolved" }, NOW)).toBeNull();
    expect(
      findEcho(
        stored,
        { service: "sentry", objectId: "4711", field: "status", value: "resolved" },
        new Date(NOW.getTime() + 120_000),
      ),
    ).toBeNull();
  });
});

describe("stale echoes", () => {
  it("a genuine change outdates the echoes still waiting on its field; an echo leaves them be", () => {
    const waiting = echo({ id: "old", value: "resolved" });
    const [regression, reopen] = fromSentry(
      { kind: "unresolved", regressed: true, release: null },
      { echoes: [waiting], settings: { ...ON, onRegression: "reopen" } },
    );
    expect(regression?.staleEchoIds).toEqual(["old"]);
    expect(reopen?.staleEchoIds).toEqual(["old"]);
    const [heard] = fromSentry({ kind: "resolved" }, { echoes: [waiting, echo({ id: "other", field: "assignee" })] });
    expect(heard).toMatchObject({ outcome: "echo", matchedEchoId: "old", staleEchoIds: [] });
  });
});

describe("commit messages", () => {
  it.each([
    ["Fixes WEB-G", ["WEB-G"]],
    ["fixes web-g", []],
    ["RESOLVES API-1A, API-2 and BACKEND-3K", ["API-1A", "API-2", "BACKEND-3K"]],
    ["Closes: WEB-G\n\nAlso closes WEB-H. Fixed WEB-G", ["WEB-G", "WEB-H"]],
    ["This prefixes WEB-G", []],
    ["Fix the WEB-G crash", []],
    ["Fixes WEB-G and improve-speed", ["WEB-G"]],
  ])("%j → %j", (text, ids) => {
    expect(extractFixedShortIds(text)).toEqual(ids);
  });

  it("reads the title and the body", () => {
    expect(extractFixedShortIds("Fix crash (fixes WEB-1)", null, "Closes WEB-2")).toEqual(["WEB-1", "WEB-2"]);
  });
});

describe("settings", () => {
  it("fall back field by field to safe defaults", () => {
    expect(readSyncSettings(undefined)).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(readSyncSettings({ jiraStatusToSentry: true, resolveIn: "sometime", statusOrder: ["Only"] })).toEqual({
      ...DEFAULT_SYNC_SETTINGS,
      jiraStatusToSentry: true,
    });
  });
});
