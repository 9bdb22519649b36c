import type { Permission } from "@/lib/domain/permissions";

/**
 * Every tool of Bosun's MCP endpoint with the permission it needs — the same
 * one the page or action behind it checks — and whether it can write to Jira
 * or Sentry (write tools also need a read-write key). Pure, so tests and the
 * endpoint's docs can list them without loading the tools.
 */
export const TOOL_SPECS = {
  list_boards: { permission: "dashboards:view", write: false },
  get_sprint_capacity: { permission: "dashboards:view", write: false },
  // A preview writes nothing, but planning is for managers, as in the UI.
  plan_sprint: { permission: "sprints:plan", write: false },
  apply_sprint_plan: { permission: "sprints:plan", write: true },
  // Writes only when called with dryRun: false.
  create_tickets: { permission: "tickets:create", write: true },
  list_sentry_issues: { permission: "dashboards:view", write: false },
  triage_sentry_issue: { permission: "errors:triage", write: true },
  sentry_issue_to_jira: { permission: "tickets:create-from-error", write: true },
  crash_free_by_release: { permission: "dashboards:view", write: false },
  generate_release_notes: { permission: "dashboards:view", write: false },
  find_sentry_issues_for_jira_key: { permission: "dashboards:view", write: false },
  performance_by_release: { permission: "dashboards:view", write: false },
  list_user_feedback: { permission: "dashboards:view", write: false },
  investigate_sentry_issue: { permission: "dashboards:view", write: false },
  dora_metrics: { permission: "dashboards:view", write: false },
  forecast: { permission: "dashboards:view", write: false },
  sprint_report: { permission: "dashboards:view", write: false },
} as const satisfies Record<string, ToolSpec>;

export type ToolSpec = { permission: Permission; write: boolean };
export type ToolName = keyof typeof TOOL_SPECS;

export const TOOL_NAMES = Object.keys(TOOL_SPECS) as ToolName[];
export const WRITE_TOOLS = TOOL_NAMES.filter((name) => TOOL_SPECS[name].write);
