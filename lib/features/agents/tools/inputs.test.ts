import { describe, expect, it } from "vitest";
import { z } from "zod";
import { applySprintPlanInput } from "./apply-sprint-plan";
import { createTicketsInput } from "./create-tickets";
import { crashFreeByReleaseInput } from "./crash-free-by-release";
import { findSentryIssuesForJiraKeyInput } from "./jira-key-lookup";
import { listSentryIssuesInput } from "./list-sentry-issues";
import { listUserFeedbackInput } from "./list-user-feedback";
import { performanceByReleaseInput } from "./performance-by-release";
import { planSprintInput } from "./plan-sprint";
import { generateReleaseNotesInput } from "./release-notes";
import { sentryIssueToJiraInput } from "./sentry-issue-to-jira";
import { sprintCapacityInput } from "./sprint-capacity";
import { triageSentryIssueInput } from "./triage-sentry-issue";

// The input shapes as the SDK checks them (z.object of the shape), before any handler runs. Pure.
const parse = (shape: z.ZodRawShape, input: unknown) => z.object(shape).safeParse(input);
const parsed = (shape: z.ZodRawShape, input: unknown) => {
  const result = parse(shape, input);
  if (!result.success) throw new Error(result.error.message);
  return result.data;
};
const messages = (shape: z.ZodRawShape, input: unknown) => {
  const result = parse(shape, input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("tool inputs", () => {
  it("get_sprint_capacity takes an optional positive board id", () => {
    expect(parsed(sprintCapacityInput, {})).toEqual({});
    expect(parsed(sprintCapacityInput, { boardId: 7 })).toEqual({ boardId: 7 });
    expect(parse(sprintCapacityInput, { boardId: 0 }).success).toBe(false);
    expect(parse(sprintCapacityInput, { boardId: "7" }).success).toBe(false);
  });

  it("plan_sprint takes the plan form's fields", () => {
    const request = {
      boardId: 1,
      name: " Sprint 15 ",
      startDate: "2026-03-02",
      endDate: "2026-03-13",
      bufferPercent: 15,
    };
    expect(parsed(planSprintInput, request)).toEqual({ ...request, name: "Sprint 15", goal: "" });
    expect(messages(planSprintInput, { ...request, bufferPercent: 60 })).toEqual([
      "bufferPercent: must be between 0 and 50",
    ]);
    expect(messages(planSprintInput, { ...request, startDate: "2/3/2026" })).toEqual([
      "startDate: must be a date like 2026-12-07",
    ]);
    expect(messages(planSprintInput, { boardId: 1, startDate: "2026-03-02", endDate: "2026-03-13" })).toHaveLength(2);
  });

  it("apply_sprint_plan takes a plan id as plan_sprint makes them", () => {
    expect(parse(applySprintPlanInput, { planId: "0123456789abcdef01234567" }).success).toBe(true);
    expect(messages(applySprintPlanInput, { planId: "../../etc" })).toEqual([
      "planId: is not a plan id (plan_sprint returns one)",
    ]);
  });

  it("create_tickets takes a feature request and previews by default", () => {
    const request = {
      name: "Berth booking",
      jiraProjectKey: "acme",
      stories: [{ title: "Pick a berth", estimate: 3, checklist: ["UI", "API"] }],
    };
    const data = parsed(createTicketsInput, request);
    expect(data).toMatchObject({
      dryRun: true,
      jiraProjectKey: "ACME",
      priority: "Medium",
      stories: [{ title: "Pick a berth", estimate: 3, component: null, checklist: ["UI", "API"] }],
    });
    expect(parsed(createTicketsInput, { ...request, dryRun: false }).dryRun).toBe(false);
    expect(messages(createTicketsInput, { ...request, stories: [] })).toEqual(["stories: Add at least one story"]);
    expect(messages(createTicketsInput, { ...request, stories: [{ title: "x", estimate: 2.3 }] })).toEqual([
      "stories.0.estimate: Estimate must be a whole or half point, such as 3 or 2.5",
    ]);
  });

  it("list_sentry_issues defaults to 7 days and 25 issues, at most 100", () => {
    expect(parsed(listSentryIssuesInput, {})).toEqual({ period: "7d", limit: 25 });
    expect(
      parsed(listSentryIssuesInput, {
        period: "24h",
        severity: "critical",
        project: "web",
        search: "ACME-42",
        limit: 100,
      }),
    ).toMatchObject({ severity: "critical", limit: 100 });
    expect(parse(listSentryIssuesInput, { limit: 101 }).success).toBe(false);
    expect(parse(listSentryIssuesInput, { severity: "urgent" }).success).toBe(false);
    expect(parse(listSentryIssuesInput, { period: "90d" }).success).toBe(false);
  });

  it("triage_sentry_issue takes 1–100 numeric issue ids, an action and an optional email", () => {
    expect(parsed(triageSentryIssueInput, { issueIds: ["12", "13"], action: "resolve" })).toEqual({
      issueIds: ["12", "13"],
      action: "resolve",
    });
    expect(
      parsed(triageSentryIssueInput, { issueIds: ["12"], action: "assign", assigneeEmail: "ada@acme.test" })
        .assigneeEmail,
    ).toBe("ada@acme.test");
    expect(messages(triageSentryIssueInput, { issueIds: [], action: "resolve" })).toEqual([
      "issueIds: choose at least one issue",
    ]);
    expect(messages(triageSentryIssueInput, { issueIds: ["WEB-1"], action: "resolve" })).toEqual([
      "issueIds.0: must be Sentry issue ids (the numeric id from list_sentry_issues)",
    ]);
    expect(
      parse(triageSentryIssueInput, { issueIds: Array.from({ length: 101 }, (_, i) => String(i)), action: "resolve" })
        .success,
    ).toBe(false);
    expect(parse(triageSentryIssueInput, { issueIds: ["1"], action: "delete" }).success).toBe(false);
    expect(messages(triageSentryIssueInput, { issueIds: ["1"], action: "assign", assigneeEmail: "ada" })).toEqual([
      "assigneeEmail: must be an email address",
    ]);
  });

  it("sentry_issue_to_jira takes a numeric issue id and a project key, upper-cased", () => {
    expect(parsed(sentryIssueToJiraInput, { issueId: "42", projectKey: " acme " })).toEqual({
      issueId: "42",
      projectKey: "ACME",
    });
    expect(parse(sentryIssueToJiraInput, { issueId: "WEB-1", projectKey: "ACME" }).success).toBe(false);
    expect(parse(sentryIssueToJiraInput, { issueId: "42", projectKey: "1ACME" }).success).toBe(false);
  });

  it("crash_free_by_release defaults to 20 releases", () => {
    expect(parsed(crashFreeByReleaseInput, {})).toEqual({ limit: 20 });
    expect(parse(crashFreeByReleaseInput, { limit: 0 }).success).toBe(false);
  });

  it("performance_by_release defaults to the 10 newest releases, regressed or not", () => {
    expect(parsed(performanceByReleaseInput, {})).toEqual({ onlyRegressions: false, limit: 10 });
    expect(parsed(performanceByReleaseInput, { version: " 2.14.0 " })).toMatchObject({ version: "2.14.0" });
    expect(parse(performanceByReleaseInput, { limit: 101 }).success).toBe(false);
    expect(parse(performanceByReleaseInput, { version: "" }).success).toBe(false);
  });

  it("list_user_feedback takes a release, a numeric Sentry issue id and search text, 25 by default", () => {
    expect(parsed(listUserFeedbackInput, {})).toEqual({ limit: 25 });
    expect(parsed(listUserFeedbackInput, { release: "2.14.0", sentryIssueId: " 42 ", query: " slow " })).toEqual({
      release: "2.14.0",
      sentryIssueId: "42",
      query: "slow",
      limit: 25,
    });
    expect(parse(listUserFeedbackInput, { sentryIssueId: "WEB-1" }).success).toBe(false);
    expect(parse(listUserFeedbackInput, { limit: 0 }).success).toBe(false);
  });

  it("generate_release_notes takes a version, the internal variant by component by default", () => {
    expect(parsed(generateReleaseNotesInput, { version: " 2.15.0 " })).toEqual({
      version: "2.15.0",
      variant: "internal",
      groupBy: "component",
    });
    expect(
      parsed(generateReleaseNotesInput, { version: "2.15.0", variant: "customer", groupBy: "epic" }),
    ).toMatchObject({ variant: "customer", groupBy: "epic" });
    expect(messages(generateReleaseNotesInput, { version: "  " })).toEqual(["version: is required"]);
    expect(parse(generateReleaseNotesInput, { version: "2.15.0", variant: "public" }).success).toBe(false);
  });

  it("find_sentry_issues_for_jira_key takes a Jira key, upper-cased", () => {
    expect(parsed(findSentryIssuesForJiraKeyInput, { jiraKey: "acme-42" })).toEqual({ jiraKey: "ACME-42" });
    expect(messages(findSentryIssuesForJiraKeyInput, { jiraKey: "ACME" })).toEqual([
      "jiraKey: must be a Jira issue key such as ACME-42",
    ]);
  });
});
