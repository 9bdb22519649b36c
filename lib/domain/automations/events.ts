/**
 * The events automation rules react to, normalised from Sentry and GitHub
 * webhooks (see lib/integrations/*\/webhook-transform.ts) or from Bosun's own
 * release-health check. Pure data.
 */
export type SentryIssueFacts = {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  level: "fatal" | "error" | "warning" | "info" | "debug" | "sample";
  substatus: string | null;
  permalink: string;
  project: { slug: string };
  eventCount: number;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  firstReleaseVersion: string | null;
};

export type AutomationEvent =
  /** `created` and `unresolved` come from the issue webhook; `alert` from an issue alert (event_alert) firing. */
  | {
      type: "sentry.issue";
      action: "created" | "unresolved" | "alert";
      issueId: string;
      issue: SentryIssueFacts | null;
      release: string | null;
    }
  | {
      type: "sentry.metric_alert";
      action: "critical" | "warning" | "resolved";
      incidentId: string;
      title: string;
      description: string;
      projects: string[];
      webUrl: string | null;
    }
  | {
      type: "release.health";
      version: string;
      crashFreeSessionRate: number | null;
      totalSessions: number;
      crashedSessions: number;
    }
  | { type: "git.branch"; repo: string; branch: string; url: string }
  | {
      type: "git.pull_request";
      action: "opened" | "merged" | "closed" | "updated";
      repo: string;
      number: number;
      title: string;
      branch: string;
      url: string;
    };

export type AutomationEventType = AutomationEvent["type"];

/** One line for the run log and previews. */
export function describeEvent(event: AutomationEvent): string {
  switch (event.type) {
    case "sentry.issue":
      return `Sentry issue ${event.issue?.shortId ?? event.issueId} ${event.action === "alert" ? "alert fired" : event.action}${event.release ? ` in ${event.release}` : ""}`;
    case "sentry.metric_alert":
      return `Metric alert ${event.action}: ${event.title}`;
    case "release.health":
      return `Release ${event.version}: ${event.crashFreeSessionRate === null ? "no sessions" : `${event.crashFreeSessionRate.toFixed(2)}% crash-free sessions`} (${event.totalSessions.toLocaleString("en")} sessions)`;
    case "git.branch":
      return `Branch ${event.branch} created in ${event.repo}`;
    case "git.pull_request":
      return `Pull request #${event.number} ${event.action} in ${event.repo}: ${event.title}`;
  }
}
