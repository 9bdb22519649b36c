import "server-only";
import { z } from "zod";
import type { AutomationEvent } from "@/lib/domain/automations";
import { issueSchema, toIssueSummary } from "./issue-transform";

/**
 * Sentry integration-platform webhooks (`{action, installation, data, actor}`,
 * resource named by `Sentry-Hook-Resource`) → the events automation rules and
 * the two-way sync with Jira react to (resolved, archived and assigned issues
 * and new comments are read for the sync only). Pure. Resources and actions no rule reacts to are "ignored", not
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
/** What the two-way sync reads besides the issue itself: how it was resolved or archived. */
const statusDetails = z
  .object({ ignoreUntil: z.string().nullish(), inNextRelease: z.boolean().nullish() })
  .partial()
  .nullish()
  .catch(null);
const changedIssueData = z.object({ issue: issueSchema.extend({ statusDetails }) });
const commentData = z.object({
  comment: z.string(),
  comment_id: z.union([z.string(), z.number()]).transform(String),
  issue_id: z.union([z.string(), z.number()]).transform(String),
  timestamp: z.string().nullish(),
});
const actorName = z.object({ actor: z.object({ name: z.string().nullish() }).nullish() }).catch({ actor: null });
/** Issue actions the sync follows; "ignored" is what older Sentry versions call archiving. */
const CHANGE_ACTIONS: Record<string, "resolved" | "archived" | "assigned"> = {
  resolved: "resolved",
  archived: "archived",
  ignored: "archived",
  assigned: "assigned",
};
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

  const actor = actorName.parse(body).actor?.name ?? null;
  if (resource === "issue" && CHANGE_ACTIONS[action]) return readIssueChange(CHANGE_ACTIONS[action], data, actor);
  if (resource === "comment") {
    if (action !== "created") return { kind: "ignored", reason: `comment.${action} is not synced` };
    const comment = commentData.safeParse(data);
    if (!comment.success) return invalid(comment.error, ["data"]);
    return {
      kind: "event",
      event: {
        type: "sentry.issue_change",
        action: "comment",
        issueId: comment.data.issue_id,
        shortId: null,
        substatus: null,
        ignoreUntil: null,
        inNextRelease: false,
        assignee: null,
        comment: { id: comment.data.comment_id, text: comment.data.comment },
        actorName: actor,
        at: comment.data.timestamp ?? null,
      },
    };
  }
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

/** A resolved, archived or assigned issue: read for the two-way sync (no rule reacts to these). */
function readIssueChange(
  action: "resolved" | "archived" | "assigned",
  data: Record<string, unknown>,
  actor: string | null,
): WebhookReading {
  const parsed = changedIssueData.safeParse(data);
  if (!parsed.success) return invalid(parsed.error, ["data"]);
  const summary = toIssueSummary(parsed.data.issue);
  if (!summary) return { kind: "invalid", fields: { "data.issue": "is not a Sentry issue" } };
  const details = parsed.data.issue.statusDetails ?? {};
  return {
    kind: "event",
    event: {
      type: "sentry.issue_change",
      action,
      issueId: summary.id,
      shortId: summary.shortId,
      substatus: summary.substatus,
      ignoreUntil: details.ignoreUntil ?? null,
      inNextRelease: details.inNextRelease ?? false,
      assignee:
        summary.assignee?.type === "user"
          ? { name: summary.assignee.name, email: summary.assignee.email || null }
          : null,
      comment: null,
      actorName: actor,
      at: null,
    },
  };
}
