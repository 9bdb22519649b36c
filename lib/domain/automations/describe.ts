import { PERFORMANCE_METRIC_NAMES } from "./performance-metrics";
import type { AnyRule } from "./rules";

/** One sentence of what a rule does, for the rules list. Pure. */
const list = (items: readonly string[], empty: string) =>
  items.length === 0 ? empty : items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;

export function describeRuleConfig(rule: AnyRule): string {
  switch (rule.kind) {
    case "sentry_issue_to_jira": {
      const { levels, projects, minUsers, minEvents, windowHours, jiraProjectKey, commentOnRegression } = rule.config;
      const thresholds = [
        minUsers !== null ? `${minUsers} users` : null,
        minEvents !== null ? `${minEvents} events` : null,
      ].filter((t): t is string => t !== null);
      return [
        `New ${list(levels, "any-level")} issues in ${list(projects, "any project")} → a bug in ${jiraProjectKey}`,
        thresholds.length ? `once they reach ${thresholds.join(" or ")} in ${windowHours} h` : null,
        commentOnRegression ? "a regression comments on the ticket" : null,
      ]
        .filter(Boolean)
        .join(" · ");
    }
    case "sentry_metric_alert_to_jira":
      return `${list(rule.config.triggers, "any")} metric alerts in ${list(rule.config.projects, "any project")} → a bug in ${rule.config.jiraProjectKey}, one per incident`;
    case "release_health_to_jira":
      return `Releases below ${rule.config.crashFreeSessionsBelow}% crash-free sessions (after ${rule.config.minSessions} sessions, last 24 h) → a bug in ${rule.config.jiraProjectKey}, checked every 15 minutes`;
    case "git_branch_to_jira":
      return `A new branch naming an issue → ${rule.config.targetStatus}${rule.config.projectKeys.length ? ` (lower-case ${list(rule.config.projectKeys, "")} keys count too)` : ""}; never backwards`;
    case "performance_regression_to_jira":
      return `Releases whose ${list(
        rule.config.metrics.map((m) => PERFORMANCE_METRIC_NAMES[m]),
        "",
      )} regressed against the previous release (the org's performance thresholds) → a bug in ${rule.config.jiraProjectKey}, one per release and metric, checked every 15 minutes`;
    case "git_pull_request_to_jira":
      return `Pull request opened → ${rule.config.openedStatus}; merged → ${rule.config.mergedStatus}${rule.config.commentOnMerge ? " with a link to the pull request" : ""}; never backwards`;
  }
}
