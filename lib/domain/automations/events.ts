import type { PerformanceRegression } from "@/lib/domain/performance";

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
  /** One metric of a release's scorecard that regressed against the previous release (the periodic check). */
  | { type: "release.performance"; regression: PerformanceRegression }
  | { type: "git.branch"; repo: string; branch: string; url: string }
  | {
      type: "git.pull_request";
      action: "opened" | "merged" | "closed" | "updated";
      repo: string;
      number: number;
      title: string;
      branch: string;
      url: string;
      /** The description, for "Fixes WEB-G" (absent on events stored before it was read). */
      body?: string | null;
    }
  /**
   * A change to a Sentry issue that no rule reacts to but the two-way sync does: resolved, archived,
   * assigned, or a comment added. Its facts are what the webhook said at the time.
   */
  | {
      type: "sentry.issue_change";
      action: "resolved" | "archived" | "assigned" | "comment";
      issueId: string;
      shortId: string | null;
      substatus: string | null;
      /** Archived until (ISO), when Sentry said. */
      ignoreUntil: string | null;
      inNextRelease: boolean;
      assignee: { name: string; email: string | null } | null;
      comment: { id: string; text: string } | null;
      /** Who made the change in Sentry. */
      actorName: string | null;
      /** When Sentry says it happened (comments), else null: the delivery's arrival stands in. */
      at: string | null;
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
    case "release.performance":
      return `Release ${event.regression.version}: ${event.regression.reason}`;
    case "git.branch":
      return `Branch ${event.branch} created in ${event.repo}`;
    case "git.pull_request":
      return `Pull request #${event.number} ${event.action} in ${event.repo}: ${event.title}`;
    case "sentry.issue_change":
      return `Sentry issue ${event.shortId ?? event.issueId} ${event.action === "comment" ? "commented on" : event.action}`;
  }
}
