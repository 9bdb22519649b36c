import { createHash } from "node:crypto";
import type { AutomationEvent, SentryIssueFacts } from "../lib/domain/automations";
import { branchCreatedPayload, pingPayload, pullRequestPayload } from "../emulators/github/payloads";
import { SENTRY_INSTALLATION_UUIDS } from "../emulators/seed/sentry";
import type { OrgSlug } from "../emulators/seed/world";
import type { JiraIssueRef } from "./seed-automation-facts";

/**
 * Webhook bodies for the demo's delivery history, in the shapes the services send (Sentry's integration
 * platform envelope, GitHub's `create` and `pull_request`, Jira's `jira:issue_updated`), trimmed to the
 * fields Bosun reads, each with the event intake reads from it and the key intake would have recorded.
 */
export type SeedDelivery = {
  source: "sentry" | "github" | "jira";
  /** The resource (Sentry), event (GitHub) or webhookEvent (Jira) and action, as intake records it. */
  eventType: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  event: AutomationEvent | null;
  ignoredReason: string | null;
};

/** As intake keys Sentry and GitHub deliveries: a hash of what was signed. */
const bodyHash = (kind: string, payload: object) =>
  createHash("sha256")
    .update(`${kind}\n${JSON.stringify(payload)}`)
    .digest("hex");

const sentryActor = { type: "application", id: "sentry", name: "Sentry" };

export function sentryIssueDelivery(
  org: OrgSlug,
  issue: SentryIssueFacts,
  action: "created" | "unresolved",
): SeedDelivery {
  const base = issue.permalink.replace(/\/organizations\/.*$/, "");
  const orgPath = issue.permalink.replace(/^.*\/organizations\/([^/]+)\/.*$/, "$1");
  const payload = {
    action,
    installation: { uuid: SENTRY_INSTALLATION_UUIDS[org] },
    data: {
      issue: {
        url: `${base}/api/0/organizations/${orgPath}/issues/${issue.id}/`,
        web_url: issue.permalink,
        project_url: `${base}/organizations/${orgPath}/projects/${issue.project.slug}/`,
        id: issue.id,
        shortId: issue.shortId,
        title: issue.title,
        culprit: issue.culprit,
        permalink: issue.permalink,
        level: issue.level,
        status: "unresolved",
        substatus: action === "unresolved" ? "regressed" : "new",
        isPublic: false,
        project: { slug: issue.project.slug, name: issue.project.slug },
        type: "error",
        count: String(issue.eventCount),
        userCount: issue.userCount,
        firstSeen: issue.firstSeen,
        lastSeen: issue.lastSeen,
        firstRelease: issue.firstReleaseVersion ? { version: issue.firstReleaseVersion } : null,
      },
    },
    actor: sentryActor,
  };
  return {
    source: "sentry",
    eventType: `issue.${action}`,
    idempotencyKey: bodyHash("issue", payload),
    payload,
    event: {
      type: "sentry.issue",
      action,
      issueId: issue.id,
      issue: { ...issue, substatus: action === "unresolved" ? "regressed" : "new" },
      release: null,
    },
    ignoredReason: null,
  };
}

/** An issue alert rule firing on a new event of an issue (`event_alert.triggered`); Bosun reads the issue itself. */
export function issueAlertDelivery(org: OrgSlug, issue: SentryIssueFacts, { at }: { at: Date }): SeedDelivery {
  const rule = "Notify on new events in production";
  const release = issue.firstReleaseVersion;
  const payload = {
    action: "triggered",
    installation: { uuid: SENTRY_INSTALLATION_UUIDS[org] },
    data: {
      event: {
        event_id: createHash("md5").update(`${issue.id}:${at.toISOString()}`).digest("hex"),
        issue_id: issue.id,
        project: issue.project.slug,
        title: issue.title,
        culprit: issue.culprit,
        level: issue.level,
        release,
        datetime: at.toISOString(),
        web_url: issue.permalink,
      },
      triggered_rule: rule,
      issue_alert: { title: rule, settings: [] },
    },
    actor: sentryActor,
  };
  return {
    source: "sentry",
    eventType: "event_alert.triggered",
    idempotencyKey: bodyHash("event_alert", payload),
    payload,
    event: { type: "sentry.issue", action: "alert", issueId: issue.id, issue: null, release },
    ignoredReason: null,
  };
}

export function metricAlertDelivery(
  org: OrgSlug,
  { project, sentryBaseUrl, sentryOrg, at }: { project: string; sentryBaseUrl: string; sentryOrg: string; at: Date },
): SeedDelivery {
  const ruleId = 7;
  const title = `High error rate in ${project}`;
  const webUrl = `${sentryBaseUrl}/organizations/${sentryOrg}/alerts/rules/details/${ruleId}/`;
  const description = `412 count() in the last 10 minutes (threshold 200)`;
  const incidentId = String(ruleId * 10 + 20);
  const payload = {
    action: "critical",
    installation: { uuid: SENTRY_INSTALLATION_UUIDS[org] },
    data: {
      description_text: description,
      description_title: `Critical: ${title}`,
      metric_alert: {
        id: incidentId,
        identifier: String(ruleId),
        projects: [project],
        title,
        status: 20,
        date_started: new Date(at.getTime() - 10 * 60_000).toISOString(),
        date_detected: new Date(at.getTime() - 10 * 60_000).toISOString(),
        alert_rule: { id: String(ruleId), name: title, aggregate: "count()", time_window: 10, projects: [project] },
      },
      web_url: webUrl,
    },
    actor: sentryActor,
  };
  return {
    source: "sentry",
    eventType: "metric_alert.critical",
    idempotencyKey: bodyHash("metric_alert", payload),
    payload,
    event: {
      type: "sentry.metric_alert",
      action: "critical",
      incidentId,
      title,
      description,
      projects: [project],
      webUrl,
    },
    ignoredReason: null,
  };
}

const branchName = (issue: JiraIssueRef) =>
  `${issue.key}-${issue.summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)}`;

export function branchDelivery(repo: string, issue: JiraIssueRef): SeedDelivery {
  const branch = branchName(issue);
  const payload = branchCreatedPayload({ repo, branch });
  return {
    source: "github",
    eventType: "create",
    idempotencyKey: bodyHash("create", payload),
    payload,
    event: {
      type: "git.branch",
      repo,
      branch,
      url: `${payload.repository.html_url}/tree/${encodeURIComponent(branch)}`,
    },
    ignoredReason: null,
  };
}

export function pullRequestDelivery(
  repo: string,
  issue: JiraIssueRef,
  { number, merged }: { number: number; merged: boolean },
): SeedDelivery {
  const branch = branchName(issue);
  const title = `${issue.key}: ${issue.summary}`;
  const payload = pullRequestPayload({ repo, number, title, branch, action: merged ? "closed" : "opened", merged });
  return {
    source: "github",
    eventType: `pull_request.${payload.action}`,
    idempotencyKey: bodyHash("pull_request", payload),
    payload,
    event: {
      type: "git.pull_request",
      action: merged ? "merged" : "opened",
      repo,
      number,
      title,
      branch,
      url: payload.pull_request.html_url,
      body: null,
    },
    ignoredReason: null,
  };
}

/** GitHub's ping when the hook was added: recorded, and nothing reacts to it. */
export function pingDelivery(repo: string): SeedDelivery {
  const payload = pingPayload({ repo, hookId: 4242 });
  return {
    source: "github",
    eventType: "ping",
    idempotencyKey: bodyHash("ping", payload),
    payload,
    event: null,
    ignoredReason: "ping events start no automation",
  };
}

/** Jira telling Bosun an issue moved on its board (the two-way sync's input). */
export function jiraIssueUpdatedDelivery(
  siteUrl: string,
  issue: JiraIssueRef,
  move: { from: [string, string]; to: [string, string]; category: "indeterminate" | "done" },
  { identifier, at, actor }: { identifier: string; at: Date; actor: { accountId: string; displayName: string } },
): SeedDelivery {
  const payload = {
    timestamp: at.getTime(),
    webhookEvent: "jira:issue_updated",
    issue_event_type_name: "issue_generic",
    matchedWebhookIds: [1],
    user: { ...actor, active: true },
    issue: {
      id: issue.id,
      self: `${siteUrl}/rest/api/2/issue/${issue.id}`,
      key: issue.key,
      fields: {
        summary: issue.summary,
        project: { key: issue.projectKey },
        status: {
          id: move.to[0],
          name: move.to[1],
          statusCategory: { key: move.category, name: move.to[1] },
        },
        labels: [],
        updated: at.toISOString().replace("Z", "+0000"),
      },
    },
    changelog: {
      id: identifier.replace(/\D/g, "").slice(0, 6) || "10400",
      items: [
        {
          field: "status",
          fieldtype: "jira",
          fieldId: "status",
          from: move.from[0],
          fromString: move.from[1],
          to: move.to[0],
          toString: move.to[1],
        },
      ],
    },
  };
  return {
    source: "jira",
    eventType: "jira:issue_updated",
    idempotencyKey: `id:${identifier}`,
    payload,
    event: null,
    ignoredReason: null,
  };
}
