import { describe, expect, it } from "vitest";
import { editTarget } from "./edit-target";

describe("editTarget", () => {
  it("a failed intent blocks its key forever: a failed ticket for a Sentry issue is corrected on the errors page", () => {
    expect(
      editTarget("acme", { operation: "jira.issue.create", idempotencyKey: "sentry-ticket:123", runId: null }),
    ).toMatchObject({ href: "/acme/errors" });
  });

  it("an automation's write is corrected through its rule and the run's retry", () => {
    expect(
      editTarget("acme", { operation: "jira.issue.create", idempotencyKey: "sentry-ticket:123", runId: "run_1" }),
    ).toMatchObject({ href: "/acme/automations#run-log" });
  });

  it("writes with no page to correct them offer only Retry", () => {
    expect(
      editTarget("acme", { operation: "jira.issue.assign", idempotencyKey: "triage:abc", runId: null }),
    ).toBeNull();
    expect(editTarget("acme", { operation: "jira.issue.create", idempotencyKey: "other:1", runId: null })).toBeNull();
  });
});
