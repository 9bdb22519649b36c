import { describe, expect, it } from "vitest";
import { ResultMismatchError, readResult, readStoredArgs } from "./typed-result";

describe("readResult", () => {
  it("gives back a stored result that matches its operation's schema", () => {
    expect(readResult("jira.issue.create", { id: "10001", key: "ACME-7" })).toEqual({ id: "10001", key: "ACME-7" });
    expect(
      readResult("jira.sprint.create", {
        id: 4,
        name: "Sprint 9",
        state: "future",
        startDate: null,
        endDate: null,
        completeDate: null,
        goal: null,
      }).id,
    ).toBe(4);
  });

  it("refuses a stored result of another shape, naming the operation and each field that is off", () => {
    const read = () => readResult("jira.issue.create", { id: 10001 });
    expect(read).toThrow(ResultMismatchError);
    expect(read).toThrow(/jira\.issue\.create.*id .*; key /);
    expect(() => readResult("jira.issues.create_bulk", null)).toThrow(ResultMismatchError);
  });
});

describe("readStoredArgs", () => {
  const args = {
    projectKey: "ACME",
    issueType: "Bug",
    summary: "TypeError in checkout",
    description: { type: "doc", version: 1, content: [] },
    priority: "High",
    labels: ["sentry"],
  };

  it("gives back the arguments an intent was recorded with", () => {
    expect(readStoredArgs("jira.issue.create", { args, meta: { sentryIssueId: "1" } })?.projectKey).toBe("ACME");
  });

  it("gives null for a payload without that operation's arguments, instead of trusting it", () => {
    expect(readStoredArgs("jira.issue.create", { args: { ...args, projectKey: 7 } })).toBeNull();
    expect(readStoredArgs("jira.issue.create", { args: { issueKey: "ACME-1" } })).toBeNull();
    expect(readStoredArgs("jira.issue.create", null)).toBeNull();
  });
});
