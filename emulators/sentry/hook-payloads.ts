import type { SentryEvent, SentryIssue, SentryProject } from "../seed/sentry-types";
import { baseIssue, type SerializeContext } from "./serialize-issue";
import { rawEvent } from "./serialize-event";
import { iso } from "./time-range";

/** `data` objects of the webhook resources the emulator sends. */

export function issueHookData(ctx: SerializeContext, issue: SentryIssue) {
  const slug = ctx.org.data.slug;
  return {
    issue: {
      ...baseIssue(ctx, issue),
      url: `${ctx.baseUrl}/api/0/organizations/${slug}/issues/${issue.id}/`,
      web_url: `${ctx.baseUrl}/organizations/${slug}/issues/${issue.id}/`,
      project_url: `${ctx.baseUrl}/organizations/${slug}/issues/?project=${issue.projectId}`,
    },
  };
}

export function eventAlertData(ctx: SerializeContext, issue: SentryIssue, event: SentryEvent, rule: string) {
  return {
    event: rawEvent(ctx, issue, event),
    triggered_rule: rule,
    issue_alert: { title: rule, settings: [] },
  };
}

export type MetricAlertAction = "critical" | "warning" | "resolved";
/** Incident statuses as Sentry numbers them. */
const INCIDENT_STATUS: Record<MetricAlertAction, number> = { critical: 20, warning: 10, resolved: 2 };

export type MetricAlertInput = {
  project: SentryProject;
  action: MetricAlertAction;
  ruleId: number;
  title: string;
  aggregate: string;
  threshold: number;
  value: number;
  nowMs: number;
};

export function metricAlertData(ctx: SerializeContext, input: MetricAlertInput) {
  const { project, action, ruleId, title, aggregate, threshold, value, nowMs } = input;
  const slug = ctx.org.data.slug;
  const started = iso(nowMs - 10 * 60_000);
  const label = action === "resolved" ? "Resolved" : action === "critical" ? "Critical" : "Warning";
  return {
    description_text: `${value} ${aggregate} in the last 10 minutes (threshold ${threshold})`,
    description_title: `${label}: ${title}`,
    metric_alert: {
      id: String(ruleId * 10 + INCIDENT_STATUS[action]),
      identifier: String(ruleId),
      organization_id: ctx.org.data.id,
      projects: [project.slug],
      title,
      status: INCIDENT_STATUS[action],
      status_method: action === "resolved" ? 3 : 1,
      type: 2,
      date_started: started,
      date_detected: started,
      date_created: started,
      date_closed: action === "resolved" ? iso(nowMs) : null,
      alert_rule: {
        id: String(ruleId),
        name: title,
        organization_id: ctx.org.data.id,
        status: 0,
        dataset: "events",
        query: "event.type:error",
        aggregate,
        threshold_type: 0,
        resolve_threshold: null,
        time_window: 10,
        environment: null,
        resolution: 1,
        include_all_projects: false,
        projects: [project.slug],
        triggers: [
          {
            id: String(ruleId * 10 + 1),
            alert_rule_id: String(ruleId),
            label: "critical",
            threshold_type: 0,
            alert_threshold: threshold,
            resolve_threshold: null,
            actions: [],
          },
          {
            id: String(ruleId * 10 + 2),
            alert_rule_id: String(ruleId),
            label: "warning",
            threshold_type: 0,
            alert_threshold: Math.round(threshold / 2),
            resolve_threshold: null,
            actions: [],
          },
        ],
        date_created: iso(nowMs - 30 * 86_400_000),
        date_modified: iso(nowMs - 30 * 86_400_000),
        created_by: null,
        owner: `team:${ctx.org.data.team.id}`,
      },
    },
    web_url: `${ctx.baseUrl}/organizations/${slug}/alerts/rules/details/${ruleId}/`,
  };
}
