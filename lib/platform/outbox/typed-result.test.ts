import { describe, expect, it } from "vitest";
import { ResultMismatchError, readResult } from "./typed-result";

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
