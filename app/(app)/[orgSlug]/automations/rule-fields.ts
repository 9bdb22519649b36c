import { PERFORMANCE_METRIC_NAMES, PERFORMANCE_REGRESSION_METRICS } from "@/lib/domain/automations/performance-metrics";
import type { AutomationKind } from "@/lib/domain/automations/rules";

/**
 * The edit form's fields per rule kind. Plain data shared by server and client,
 * so the client bundle carries no schemas; the server action validates.
 */
export type RuleField =
  | { name: string; label: string; type: "text" | "number"; hint?: string; optional?: boolean; step?: number }
  | { name: string; label: string; type: "list"; hint: string }
  | { name: string; label: string; type: "choices"; options: string[]; optionLabels?: Record<string, string> }
  | { name: string; label: string; type: "checkbox" };

const jiraProjectKey: RuleField = {
  name: "jiraProjectKey",
  label: "Jira project key",
  type: "text",
  hint: "Where the bug is filed, e.g. ACME",
};
const sentryProjects: RuleField = {
  name: "projects",
  label: "Sentry projects",
  type: "list",
  hint: "Slugs, comma-separated; blank watches every project",
};
const statusOrder: RuleField = {
  name: "statusOrder",
  label: "Workflow order",
  type: "list",
  hint: "Statuses from first to last, comma-separated; issues only move right",
};
const projectKeys: RuleField = {
  name: "projectKeys",
  label: "Lower-case keys for",
  type: "list",
  hint: "Project keys whose lower-case mentions count too (acme-12-fix)",
};

export const RULE_FIELDS: Record<AutomationKind, RuleField[]> = {
  sentry_issue_to_jira: [
    { name: "levels", label: "Levels", type: "choices", options: ["fatal", "error", "warning", "info"] },
    sentryProjects,
    { name: "minUsers", label: "At least users", type: "number", optional: true, hint: "Blank: no threshold" },
    { name: "minEvents", label: "Or at least events", type: "number", optional: true, hint: "Blank: no threshold" },
    { name: "windowHours", label: "Within hours", type: "number" },
    jiraProjectKey,
    { name: "commentOnRegression", label: "Comment on the ticket when the issue regresses", type: "checkbox" },
  ],
  sentry_metric_alert_to_jira: [
    { name: "triggers", label: "Alert levels", type: "choices", options: ["critical", "warning"] },
    sentryProjects,
    jiraProjectKey,
  ],
  release_health_to_jira: [
    { name: "crashFreeSessionsBelow", label: "Crash-free sessions below (%)", type: "number", step: 0.1 },
    { name: "minSessions", label: "Once it has sessions", type: "number" },
    jiraProjectKey,
  ],
  git_branch_to_jira: [{ name: "targetStatus", label: "Move to", type: "text" }, statusOrder, projectKeys],
  git_pull_request_to_jira: [
    { name: "openedStatus", label: "When opened, move to", type: "text" },
    { name: "mergedStatus", label: "When merged, move to", type: "text" },
    { name: "commentOnMerge", label: "Comment with a link to the merged pull request", type: "checkbox" },
    statusOrder,
    projectKeys,
  ],
  performance_regression_to_jira: [
    {
      name: "metrics",
      label: "Metrics",
      type: "choices",
      options: [...PERFORMANCE_REGRESSION_METRICS],
      optionLabels: PERFORMANCE_METRIC_NAMES,
    },
    jiraProjectKey,
  ],
};

/** Reads the form back into a config object for the server action. */
export function configFromForm(kind: AutomationKind, form: FormData): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of RULE_FIELDS[kind]) {
    const raw = form.get(field.name);
    if (field.type === "choices") config[field.name] = form.getAll(field.name).map(String);
    else if (field.type === "checkbox") config[field.name] = raw === "on";
    else if (field.type === "list")
      config[field.name] = String(raw ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
    else if (field.type === "number")
      config[field.name] = String(raw ?? "").trim() === "" ? (field.optional ? null : undefined) : Number(raw);
    else config[field.name] = String(raw ?? "");
  }
  return config;
}
