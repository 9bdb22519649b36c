import { describe, expect, it } from "vitest";
import {
  MAX_DIFF_FIELDS,
  MAX_VALUE_LENGTH,
  buildAuditDiff,
  formatAuditDiff,
  readAuditChanges,
  readAuditDiff,
} from "./diff";

describe("defect 8 (audit diff): building a bounded, redacted diff of an outbound write", () => {
  it("lists each field sent, with the value before where it is known", () => {
    expect(buildAuditDiff({ workosUserId: "user_1", role: "manager" }, { role: "member" })).toEqual([
      { field: "workosUserId", after: "user_1" },
      { field: "role", before: "member", after: "manager" },
    ]);
  });

  it("flattens nested objects to dotted paths and keeps numbers, booleans and nulls as they are", () => {
    expect(
      buildAuditDiff({
        update: { status: "resolved", statusDetails: { inNextRelease: true }, assignedTo: null },
        boardId: 7,
      }),
    ).toEqual([
      { field: "update.status", after: "resolved" },
      { field: "update.statusDetails.inNextRelease", after: true },
      { field: "update.assignedTo", after: null },
      { field: "boardId", after: 7 },
    ]);
  });

  it("redacts secrets by key at any depth, whatever the case, and the whole subtree under a secret key", () => {
    const diff = buildAuditDiff(
      {
        config: { apiToken: "t-1", nested: { Password: "hunter2", clientSecret: "s" } },
        Authorization: { scheme: "Bearer", value: "x" },
        sessionCookie: "c",
        APIKEY: "k",
        name: "kept",
      },
      { config: { apiToken: "t-0" } },
    );
    expect(diff).toEqual([
      { field: "config.apiToken", before: "[redacted]", after: "[redacted]" },
      { field: "config.nested.Password", after: "[redacted]" },
      { field: "config.nested.clientSecret", after: "[redacted]" },
      { field: "Authorization", after: "[redacted]" },
      { field: "sessionCookie", after: "[redacted]" },
      { field: "APIKEY", after: "[redacted]" },
      { field: "name", after: "kept" },
    ]);
    expect(JSON.stringify(diff)).not.toMatch(/t-1|t-0|hunter2|"s"|"x"|"c"|"k"/);
  });

  it("redacts values that look like bearer tokens or JWTs under innocent keys, also inside arrays", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    expect(
      buildAuditDiff({
        note: "Bearer abc.def",
        header: "basic dXNlcjpwYXNz",
        id: jwt,
        list: ["ok", `Bearer ${jwt}`],
        items: [{ value: jwt }],
      }),
    ).toEqual([
      { field: "note", after: "[redacted]" },
      { field: "header", after: "[redacted]" },
      { field: "id", after: "[redacted]" },
      { field: "list", after: "ok, [redacted]" },
      { field: "items[0].value", after: "[redacted]" },
    ]);
    // The word alone is no token.
    expect(buildAuditDiff({ note: "Bearer of bad news arrived" })).toEqual([
      { field: "note", after: "Bearer of bad news arrived" },
    ]);
  });

  it("writes arrays of plain values as one list and arrays of objects by index", () => {
    expect(
      buildAuditDiff({
        issueIds: ["1", "2", "3"],
        labels: [],
        issues: [{ summary: "A", points: { value: 3 } }, { summary: "B" }],
      }),
    ).toEqual([
      { field: "issueIds", after: "1, 2, 3" },
      { field: "labels", after: "(none)" },
      { field: "issues[0].summary", after: "A" },
      { field: "issues[0].points.value", after: 3 },
      { field: "issues[1].summary", after: "B" },
    ]);
  });

  it("stops flattening below three levels and summarises what is deeper", () => {
    expect(buildAuditDiff({ a: { b: { c: { d: 1, e: 2 } } } })).toEqual([{ field: "a.b.c", after: "{2 fields}" }]);
  });

  it("truncates long strings, before values too, and marks the cut", () => {
    const long = "x".repeat(MAX_VALUE_LENGTH + 100);
    const [entry] = buildAuditDiff({ summary: long }, { summary: long });
    expect(entry?.after).toHaveLength(MAX_VALUE_LENGTH);
    expect(entry?.after).toMatch(/…$/);
    expect(entry?.before).toHaveLength(MAX_VALUE_LENGTH);
    const [list] = buildAuditDiff({ issueIds: Array.from({ length: 200 }, (_, i) => `issue-${i}`) });
    expect(String(list?.after).length).toBe(MAX_VALUE_LENGTH);
  });

  it(`keeps at most ${MAX_DIFF_FIELDS} fields and says how many more there were`, () => {
    const args = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`f${i}`, i]));
    const diff = buildAuditDiff(args);
    expect(diff).toHaveLength(MAX_DIFF_FIELDS + 1);
    expect(diff[MAX_DIFF_FIELDS - 1]).toEqual({ field: `f${MAX_DIFF_FIELDS - 1}`, after: MAX_DIFF_FIELDS - 1 });
    expect(diff[MAX_DIFF_FIELDS]).toEqual({ field: "…", after: `${80 - MAX_DIFF_FIELDS} more fields not recorded` });
  });

  it("summarises an Atlassian document by the length of its text instead of dumping it", () => {
    const body = {
      type: "doc",
      version: 1,
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Hello " },
            { type: "text", text: "world", marks: [{ type: "strong" }] },
          ],
        },
      ],
    };
    expect(buildAuditDiff({ issueKey: "ACME-1", body })).toEqual([
      { field: "issueKey", after: "ACME-1" },
      { field: "body", after: "document, 11 characters of text" },
    ]);
  });

  it("records nothing for no arguments, and ignores before values for fields that were not sent", () => {
    expect(buildAuditDiff({})).toEqual([]);
    expect(buildAuditDiff(undefined)).toEqual([]);
    expect(buildAuditDiff({ role: "admin" }, { status: "active" })).toEqual([{ field: "role", after: "admin" }]);
  });
});

describe("defect 8 (audit diff): reading and printing a stored diff", () => {
  it("reads the diff an outbound write recorded, and the {from, to} changes other entries record", () => {
    expect(readAuditDiff({ attempts: 1, diff: [{ field: "role", before: "member", after: "manager" }] })).toEqual([
      { field: "role", before: "member", after: "manager" },
    ]);
    expect(readAuditDiff({ role: { from: "member", to: "admin" }, providers: ["jira"] })).toEqual([
      { field: "role", before: "member", after: "admin" },
    ]);
  });

  it("reads nothing from entries without a diff, or with a malformed one", () => {
    expect(readAuditDiff(null)).toEqual([]);
    expect(readAuditDiff({ attempts: 2 })).toEqual([]);
    expect(readAuditDiff({ diff: "nope" })).toEqual([]);
    expect(readAuditDiff({ diff: [{ after: 1 }, { field: "ok", after: { nested: true } }] })).toEqual([]);
    expect(readAuditDiff([1, 2])).toEqual([]);
  });

  it("shows a created team's fields as values with nothing before them", () => {
    expect(readAuditDiff({ slug: "payments", name: "Payments" })).toEqual([
      { field: "slug", after: "payments" },
      { field: "name", after: "Payments" },
    ]);
  });

  it("shows what release notes were published with, and where a rollback dry run would have gone", () => {
    expect(readAuditDiff({ variant: "customer", revision: 3, includeInternal: false, jiraIssueKeys: [] })).toEqual([
      { field: "variant", after: "customer" },
      { field: "revision", after: 3 },
      { field: "includeInternal", after: false },
      { field: "jiraIssueKeys", after: "(none)" },
    ]);
    expect(readAuditDiff({ url: "https://deploy.example/rollback" })).toEqual([
      { field: "url", after: "https://deploy.example/rollback" },
    ]);
  });

  it("reads plain values as an outbound write's diff is built: nested by dotted path, secrets redacted, bounded", () => {
    expect(
      readAuditDiff({ removed: { deliveries: 3, runs: 0 }, webhookSecret: "whsec_1", note: "Bearer abc.def" }),
    ).toEqual([
      { field: "removed.deliveries", after: 3 },
      { field: "removed.runs", after: 0 },
      { field: "webhookSecret", after: "[redacted]" },
      { field: "note", after: "[redacted]" },
    ]);
    expect(readAuditDiff({ summary: "x".repeat(MAX_VALUE_LENGTH * 2) })[0]?.after).toHaveLength(MAX_VALUE_LENGTH);
  });

  it("hides the outbox's bookkeeping (attempt counts, intent ids) among plain values", () => {
    expect(
      readAuditDiff({ intentId: "int_1", operation: "jira.createIssue", attempts: 3, previousStatus: "failed" }),
    ).toEqual([
      { field: "operation", after: "jira.createIssue" },
      { field: "previousStatus", after: "failed" },
    ]);
  });

  it("reads a whole-record {from, to} field by field, with nothing before for a record that was created", () => {
    expect(
      readAuditDiff({ from: { highUserThreshold: 10, criticalUserThreshold: 100 }, to: { highUserThreshold: 20 } }),
    ).toEqual([{ field: "highUserThreshold", before: 10, after: 20 }]);
    expect(readAuditDiff({ from: null, to: { name: "Triage", enabled: true } })).toEqual([
      { field: "name", after: "Triage" },
      { field: "enabled", after: true },
    ]);
  });

  it("says whether a missing before value was unknown (an outbound write) or there was none", () => {
    expect(readAuditChanges({ attempts: 1, diff: [{ field: "workosUserId", after: "user_1" }] })).toEqual({
      diff: [{ field: "workosUserId", after: "user_1" }],
      isBeforeUnknown: true,
    });
    expect(readAuditChanges({ slug: "payments" })).toEqual({
      diff: [{ field: "slug", after: "payments" }],
      isBeforeUnknown: false,
    });
    expect(readAuditChanges(null)).toEqual({ diff: [], isBeforeUnknown: false });
  });

  it("prints a diff as one line, with the before value only where there is one", () => {
    expect(
      formatAuditDiff([
        { field: "role", before: "member", after: "manager" },
        { field: "workosUserId", after: "user_1" },
        { field: "assignedTo", before: "a@x.test", after: null },
      ]),
    ).toBe("role: member → manager; workosUserId: user_1; assignedTo: a@x.test → null");
    expect(formatAuditDiff([])).toBe("");
  });
});
