import { describe, expect, it } from "vitest";
import {
  AUTOMATION_KINDS,
  type AutomationKind,
  DEFAULT_STATUS_ORDER,
  KIND_EVENTS,
  KIND_LABELS,
  RULE_CONFIG_SCHEMAS,
  parseRule,
} from "./rules";

const stored = (kind: AutomationKind, config: unknown) => ({
  id: "rule-1",
  kind,
  name: "Production errors",
  enabled: true,
  config,
});

function errorOf(kind: AutomationKind, config: unknown): string {
  const parsed = parseRule(stored(kind, config));
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(config)} to be rejected for ${kind}`);
  return parsed.error;
}

describe("RULE_CONFIG_SCHEMAS defaults", () => {
  it("gives a Sentry issue rule with only a project key the documented defaults", () => {
    expect(RULE_CONFIG_SCHEMAS.sentry_issue_to_jira.parse({ jiraProjectKey: "ACME" })).toEqual({
      levels: ["fatal", "error"],
      projects: [],
      minUsers: null,
      minEvents: null,
      windowHours: 24,
      jiraProjectKey: "ACME",
      commentOnRegression: true,
    });
  });

  it.each<[AutomationKind, Record<string, unknown>, Record<string, unknown>]>([
    [
      "sentry_metric_alert_to_jira",
      { jiraProjectKey: "ACME" },
      { triggers: ["critical"], projects: [], jiraProjectKey: "ACME" },
    ],
    [
      "release_health_to_jira",
      { jiraProjectKey: "ACME" },
      { crashFreeSessionsBelow: 99, minSessions: 100, jiraProjectKey: "ACME" },
    ],
    [
      "git_branch_to_jira",
      {},
      { targetStatus: "In Progress", statusOrder: ["To Do", "In Progress", "In Review", "Done"], projectKeys: [] },
    ],
    [
      "git_pull_request_to_jira",
      {},
      {
        openedStatus: "In Review",
        mergedStatus: "Done",
        commentOnMerge: true,
        statusOrder: ["To Do", "In Progress", "In Review", "Done"],
        projectKeys: [],
      },
    ],
  ])("fills in the defaults of %s", (kind, config, expected) => {
    expect(RULE_CONFIG_SCHEMAS[kind].parse(config)).toEqual(expected);
  });

  it("keeps values that are given instead of the defaults", () => {
    const config = RULE_CONFIG_SCHEMAS.sentry_issue_to_jira.parse({
      jiraProjectKey: "OPS",
      levels: ["warning"],
      projects: [" web "],
      minUsers: 10,
      minEvents: 100,
      windowHours: 6,
      commentOnRegression: false,
    });
    expect(config).toEqual({
      jiraProjectKey: "OPS",
      levels: ["warning"],
      projects: ["web"],
      minUsers: 10,
      minEvents: 100,
      windowHours: 6,
      commentOnRegression: false,
    });
  });

  it("hands each parse its own copy of a default array", () => {
    const first = RULE_CONFIG_SCHEMAS.git_branch_to_jira.parse({});
    first.statusOrder.push("Released");
    first.projectKeys.push("ACME");
    const second = RULE_CONFIG_SCHEMAS.git_branch_to_jira.parse({});
    expect(second.statusOrder).toEqual(["To Do", "In Progress", "In Review", "Done"]);
    expect(second.projectKeys).toEqual([]);
    expect(DEFAULT_STATUS_ORDER).toEqual(["To Do", "In Progress", "In Review", "Done"]);
  });
});

describe("Jira project keys", () => {
  it.each([
    ["ACME", "ACME"],
    ["acme", "ACME"],
    ["  Ops ", "OPS"],
    ["AB", "AB"],
    ["MY_PROJ2", "MY_PROJ2"],
    ["ABCDEFGHIJ", "ABCDEFGHIJ"],
  ])("accepts %j as %s", (input, key) => {
    expect(RULE_CONFIG_SCHEMAS.release_health_to_jira.parse({ jiraProjectKey: input }).jiraProjectKey).toBe(key);
  });

  it.each(["A", "1ACME", "ACME-1", "AC ME", "ABCDEFGHIJK", "", "_ACME"])("rejects %j, naming the problem", (input) => {
    expect(errorOf("release_health_to_jira", { jiraProjectKey: input })).toBe(
      "jiraProjectKey must be a Jira project key such as ACME",
    );
  });

  it("upper-cases the project keys recognised in lower case and names the bad one", () => {
    expect(RULE_CONFIG_SCHEMAS.git_branch_to_jira.parse({ projectKeys: ["acme", " ops "] }).projectKeys).toEqual([
      "ACME",
      "OPS",
    ]);
    expect(errorOf("git_branch_to_jira", { projectKeys: ["ACME", "1X"] })).toBe(
      "projectKeys.1 must be Jira project keys",
    );
  });
});

describe("parseRule", () => {
  it("returns the rule with its config parsed for its kind", () => {
    const parsed = parseRule(
      stored("git_pull_request_to_jira", {
        openedStatus: "Review",
        mergedStatus: " Released ",
        statusOrder: ["Open", "Review", "Released"],
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      rule: {
        id: "rule-1",
        kind: "git_pull_request_to_jira",
        name: "Production errors",
        enabled: true,
        config: {
          openedStatus: "Review",
          mergedStatus: "Released",
          commentOnMerge: true,
          statusOrder: ["Open", "Review", "Released"],
          projectKeys: [],
        },
      },
    });
  });

  it.each<[string, AutomationKind, unknown, string]>([
    ["a missing project key", "sentry_issue_to_jira", {}, "jiraProjectKey "],
    ["no levels", "sentry_issue_to_jira", { jiraProjectKey: "ACME", levels: [] }, "levels pick at least one level"],
    ["an unknown level", "sentry_issue_to_jira", { jiraProjectKey: "ACME", levels: ["error", "debug"] }, "levels.1 "],
    [
      "a zero window",
      "sentry_issue_to_jira",
      { jiraProjectKey: "ACME", windowHours: 0 },
      "windowHours must be at least 1 hour",
    ],
    [
      "a window over 14 days",
      "sentry_issue_to_jira",
      { jiraProjectKey: "ACME", windowHours: 337 },
      "windowHours must be at most 14 days",
    ],
    ["a fractional window", "sentry_issue_to_jira", { jiraProjectKey: "ACME", windowHours: 1.5 }, "windowHours "],
    [
      "a zero user threshold",
      "sentry_issue_to_jira",
      { jiraProjectKey: "ACME", minUsers: 0 },
      "minUsers must be at least 1",
    ],
    [
      "a zero event threshold",
      "sentry_issue_to_jira",
      { jiraProjectKey: "ACME", minEvents: 0 },
      "minEvents must be at least 1",
    ],
    [
      "an empty Sentry project",
      "sentry_issue_to_jira",
      { jiraProjectKey: "ACME", projects: ["web", " "] },
      "projects.1 ",
    ],
    [
      "a string for a boolean",
      "sentry_issue_to_jira",
      { jiraProjectKey: "ACME", commentOnRegression: "yes" },
      "commentOnRegression ",
    ],
    [
      "no triggers",
      "sentry_metric_alert_to_jira",
      { jiraProjectKey: "ACME", triggers: [] },
      "triggers pick at least one trigger",
    ],
    [
      "a threshold under 50%",
      "release_health_to_jira",
      { jiraProjectKey: "ACME", crashFreeSessionsBelow: 40 },
      "crashFreeSessionsBelow must be at least 50%",
    ],
    [
      "a threshold over 100%",
      "release_health_to_jira",
      { jiraProjectKey: "ACME", crashFreeSessionsBelow: 101 },
      "crashFreeSessionsBelow must be at most 100%",
    ],
    [
      "zero sessions",
      "release_health_to_jira",
      { jiraProjectKey: "ACME", minSessions: 0 },
      "minSessions must be at least 1",
    ],
    ["a blank target status", "git_branch_to_jira", { targetStatus: "   " }, "targetStatus must name a Jira status"],
    [
      "a one-status workflow",
      "git_branch_to_jira",
      { statusOrder: ["Done"] },
      "statusOrder needs at least two statuses",
    ],
    [
      "a blank status in the workflow",
      "git_pull_request_to_jira",
      { statusOrder: ["To Do", ""] },
      "statusOrder.1 must name a Jira status",
    ],
    ["a blank merged status", "git_pull_request_to_jira", { mergedStatus: "" }, "mergedStatus must name a Jira status"],
  ])("reports the failing field path for %s", (_, kind, config, expected) => {
    expect(errorOf(kind, config).startsWith(expected)).toBe(true);
  });

  it("reports every failing field, separated by semicolons", () => {
    expect(errorOf("sentry_issue_to_jira", { jiraProjectKey: "a", windowHours: 0 })).toBe(
      "windowHours must be at least 1 hour; jiraProjectKey must be a Jira project key such as ACME",
    );
  });

  it("names the config itself when it is not an object", () => {
    expect(errorOf("git_branch_to_jira", null)).toMatch(/^config /);
  });
});

describe("kind tables", () => {
  const sortedKinds = [...AUTOMATION_KINDS].sort();

  it("has a schema, an event type and a label for every kind, and nothing else", () => {
    expect(Object.keys(RULE_CONFIG_SCHEMAS).sort()).toEqual(sortedKinds);
    expect(Object.keys(KIND_EVENTS).sort()).toEqual(sortedKinds);
    expect(Object.keys(KIND_LABELS).sort()).toEqual(sortedKinds);
  });

  it.each(AUTOMATION_KINDS)("%s listens to one event type and has a title and description", (kind) => {
    expect([
      "sentry.issue",
      "sentry.metric_alert",
      "release.health",
      "release.performance",
      "git.branch",
      "git.pull_request",
    ]).toContain(KIND_EVENTS[kind]);
    expect(KIND_LABELS[kind].title.length).toBeGreaterThan(0);
    expect(KIND_LABELS[kind].description.length).toBeGreaterThan(0);
  });

  it("gives each kind its own event type", () => {
    expect(new Set(Object.values(KIND_EVENTS)).size).toBe(AUTOMATION_KINDS.length);
  });
});

describe("workflow statuses", () => {
  it("refuses a target status that is not in the rule's workflow order, naming the field", () => {
    const parsed = RULE_CONFIG_SCHEMAS.git_branch_to_jira.safeParse({
      targetStatus: "Doing",
      statusOrder: ["To Do", "Done"],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["targetStatus"],
      message: "must be one of the workflow statuses (To Do, Done)",
    });
  });
  it("accepts targets in any letter case", () => {
    expect(
      RULE_CONFIG_SCHEMAS.git_pull_request_to_jira.safeParse({ openedStatus: "in review", mergedStatus: "DONE" })
        .success,
    ).toBe(true);
  });
});
