import { describe, expect, it } from "vitest";
import { describeRuleConfig } from "./describe";
import { type AnyRule, type AutomationKind, RULE_CONFIG_SCHEMAS } from "./rules";

const rule = (kind: AutomationKind, config: object) =>
  ({ id: "r", kind, name: "n", enabled: true, config: RULE_CONFIG_SCHEMAS[kind].parse(config) }) as AnyRule;

describe("describeRuleConfig", () => {
  it("describes a Sentry issue rule with its levels, projects, thresholds and regression comments", () => {
    expect(
      describeRuleConfig(
        rule("sentry_issue_to_jira", {
          jiraProjectKey: "ACME",
          projects: ["web", "api"],
          minUsers: 10,
          minEvents: 100,
          windowHours: 6,
        }),
      ),
    ).toBe(
      "New fatal or error issues in web or api → a bug in ACME · once they reach 10 users or 100 events in 6 h · a regression comments on the ticket",
    );
    expect(
      describeRuleConfig(
        rule("sentry_issue_to_jira", { jiraProjectKey: "OPS", levels: ["fatal"], commentOnRegression: false }),
      ),
    ).toBe("New fatal issues in any project → a bug in OPS");
  });
  it("describes metric alert and release health rules", () => {
    expect(
      describeRuleConfig(
        rule("sentry_metric_alert_to_jira", { jiraProjectKey: "ACME", triggers: ["critical", "warning"] }),
      ),
    ).toBe("critical or warning metric alerts in any project → a bug in ACME, one per incident");
    expect(
      describeRuleConfig(
        rule("release_health_to_jira", { jiraProjectKey: "ACME", crashFreeSessionsBelow: 98.5, minSessions: 50 }),
      ),
    ).toBe(
      "Releases below 98.5% crash-free sessions (after 50 sessions, last 24 h) → a bug in ACME, checked every 15 minutes",
    );
  });
  it("describes git rules, naming lower-case project keys and forward-only moves", () => {
    expect(describeRuleConfig(rule("git_branch_to_jira", { projectKeys: ["ACME", "OPS"] }))).toBe(
      "A new branch naming an issue → In Progress (lower-case ACME or OPS keys count too); never backwards",
    );
    expect(describeRuleConfig(rule("git_pull_request_to_jira", { commentOnMerge: false }))).toBe(
      "Pull request opened → In Review; merged → Done; never backwards",
    );
  });
});
