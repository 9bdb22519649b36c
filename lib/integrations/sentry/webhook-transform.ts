import "server-only";
import { z } from "zod";
import type { AutomationEvent } from "@/lib/domain/automations";
import { issueSchema, toIssueSummary } from "./issue-transform";

/**
 * Sentry integration-platform webhooks (`{action, installation, data, actor}`,
 * resource named by `Sentry-Hook-Resource`) → the events automation rules
 * react to. Pure. Resources and actions no rule reacts to are "ignored", not
 * errors; a payload that is not what Sentry sends is "invalid", naming the field.
 */
export type WebhookReading =
  | { kind: "event"; event: AutomationEvent }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; fields: Record<string, string> };

const envelope = z.object({ action: z.string().min(1), data: z.record(z.string(), z.unknown()) });
const issueData = z.object({ issue: issueSchema });
const eventAlertData = z.object({
  event: z.object({ issue_id: z.union([z.string(), z.number()]).transform(String), release: z.string().nullish() }),
});
const metricAlertData = z.object({
  description_text: z.string().nullish(),
  description_title: z.string().nullish(),
  web_url: z.string().nullish(),
  metric_alert: z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    title: z.string(),
    projects: z.array(z.string()).default([]),
  }),
});

function invalid(error: z.ZodError, prefix: string[] = []): WebhookReading {
  return {
    kind: "invalid",
    fields: Object.fromEntries(
      error.issues.map((issue) => [[...prefix, ...issue.path.map(String)].join(".") || "body", issue.message]),
    ),
  };
}

export function readSentryWebhook(resource: string | null, body: unknown): WebhookReading {
  if (!resource) return { kind: "invalid", fields: { "Sentry-Hook-Resource": "header is missing" } };
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const { action, data } = parsed.data;

  if (resource === "issue") {
    if (action !== "created" && action !== "unresolved")
      return { kind: "ignored", reason: `issue.${action} starts no automation` };
    const issue = issueData.safeParse(data);
    if (!issue.success) return invalid(issue.error, ["data"]);
    const summary = toIssueSummary(issue.data.issue);
    if (!summary) return { kind: "invalid", fields: { "data.issue": "is not a Sentry issue" } };
    return {
      kind: "event",
      event: { type: "sentry.issue", action, issueId: summary.id, issue: summary, release: null },
    };
  }
  if (resource === "event_alert") {
    if (action !== "triggered") return { kind: "ignored", reason: `event_alert.${action} starts no automation` };
    const alert = eventAlertData.safeParse(data);
    if (!alert.success) return invalid(alert.error, ["data"]);
    return {
      kind: "event",
      event: {
        type: "sentry.issue",
        action: "alert",
        issueId: alert.data.event.issue_id,
        issue: null,
        release: alert.data.event.release ?? null,
      },
    };
  }
  if (resource === "metric_alert") {
    if (action !== "critical" && action !== "warning" && action !== "resolved")
      return { kind: "ignored", reason: `metric_alert.${action} starts no automation` };
    const alert = metricAlertData.safeParse(data);
    if (!alert.success) return invalid(alert.error, ["data"]);
    const { metric_alert: incident } = alert.data;
    return {
      kind: "event",
      event: {
        type: "sentry.metric_alert",
        action,
        incidentId: incident.id,
        title: incident.title,
        description: alert.data.description_text ?? alert.data.description_title ?? incident.title,
        projects: incident.projects,
        webUrl: alert.data.web_url ?? null,
      },
    };
  }
  return { kind: "ignored", reason: `${resource} webhooks start no automation` };
}
