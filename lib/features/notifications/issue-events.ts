import "server-only";
import { z } from "zod";
import { getOrgSlug } from "@/lib/db/queries/notifications";
import { findDeliveryById } from "@/lib/db/system/webhook-deliveries";
import type { AutomationEvent, SentryIssueFacts } from "@/lib/domain/automations";
import { ownershipFactsFromEvent } from "@/lib/domain/ownership";
import { classifySeverity, severityInputFromIssue } from "@/lib/domain/severity";
import { getSeveritySettings } from "@/lib/features/errors";
import { recordCriticalIssue } from "@/lib/features/delivery";
import { ownersOfIssue } from "@/lib/features/ownership";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listIssues } from "@/lib/integrations/sentry";
import { readLatestEvent } from "@/lib/integrations/sentry/latest-event";
import { enqueueJob, PermanentJobError, type JobRecord } from "@/lib/platform/jobs";
import { notify } from "./notify";

/**
 * "A new Critical issue" and "an issue regressed", raised from Sentry issue
 * webhooks and issue alerts: to the issue's owners by the org's ownership
 * rules, and to whoever watches the issue or its project. Queued as a job of
 * its own per delivery, so a Sentry read failing here is retried without
 * holding up (or repeating) the delivery's rules.
 */
export const ISSUE_NOTIFICATION_QUEUE = "notifications.sentry-issue";

type IssueEvent = Extract<AutomationEvent, { type: "sentry.issue" }>;

/** Queues the check for one delivery's Sentry issue event; other events need none. */
export async function queueIssueNotification({
  orgId,
  deliveryId,
  event,
}: {
  orgId: string;
  deliveryId: string;
  event: AutomationEvent;
}): Promise<void> {
  if (event.type !== "sentry.issue") return;
  await enqueueJob({
    queue: ISSUE_NOTIFICATION_QUEUE,
    orgId,
    payload: { deliveryId, event },
    singletonKey: `issue-notify:${deliveryId}`,
    maxAttempts: 5,
  });
}

const payloadSchema = z.object({
  deliveryId: z.string().min(1),
  event: z.looseObject({ type: z.literal("sentry.issue") }),
});

export async function issueNotificationJob(job: JobRecord): Promise<void> {
  const parsed = payloadSchema.safeParse(job.payload);
  if (!parsed.success || !job.orgId) throw new PermanentJobError("The job names no Sentry issue event");
  const delivery = await findDeliveryById({ id: parsed.data.deliveryId });
  await notifyForIssueEvent({
    orgId: job.orgId,
    event: parsed.data.event as unknown as IssueEvent,
    alertEvent: eventOfAlert(delivery?.payload),
    requestId: `issue-notify-${job.id}`,
  });
}

/** The event an issue alert carries (`data.event`), for ownership facts; null for issue webhooks. */
function eventOfAlert(payload: unknown): unknown {
  const data = (payload as { data?: { event?: unknown } } | null)?.data;
  return data && typeof data.event === "object" ? data.event : null;
}

/** A Sentry issue regressed: Sentry's issue.unresolved, or an alert on an issue it marks regressed. */
const isRegression = (event: IssueEvent, issue: SentryIssueFacts) =>
  event.action === "unresolved" || issue.substatus === "regressed";

export async function notifyForIssueEvent({
  orgId,
  event,
  alertEvent,
  requestId,
}: {
  orgId: string;
  event: IssueEvent;
  /** The SDK-shaped event of an issue alert, when there is one. */
  alertEvent: unknown;
  requestId: string;
}): Promise<{ notified: number }> {
  const slug = await getOrgSlug({ orgId });
  if (!slug) return { notified: 0 };
  const sentry = event.issue && alertEvent ? null : await getSentryConfig({ orgId, requestId });
  const issue = event.issue ?? (sentry ? await readIssue(sentry, event.issueId) : null);
  if (!issue) return { notified: 0 };
  const regression = isRegression(event, issue);
  const severity = classifySeverity(severityInputFromIssue(issue), await getSeveritySettings({ orgId }));
  const critical = severity.severity === "critical" && event.action !== "unresolved";
  if (!regression && !critical) return { notified: 0 };
  const firstRelease = issue.firstReleaseVersion ?? event.release;
  if (critical && firstRelease)
    await recordCriticalIssue({ orgId, issue: { ...issue, projectSlug: issue.project.slug, release: firstRelease } });

  // Ownership matches on an event's frames: the alert's own, else the issue's latest.
  const eventForFacts = alertEvent ?? (sentry ? await readLatestEvent(sentry, event.issueId) : null);
  const verdict = await ownersOfIssue({
    orgId,
    projectSlug: issue.project.slug,
    facts: ownershipFactsFromEvent(eventForFacts),
  });
  const recipients = {
    userIds: verdict.owners.map((owner) => owner.userId),
    watchersOf: [
      { targetType: "sentry_issue" as const, targetId: issue.id },
      { targetType: "sentry_project" as const, targetId: issue.project.slug },
    ],
  };
  const link = `/${slug}/errors/${encodeURIComponent(issue.id)}/investigation`;
  const owned = verdict.owners.length > 0 ? ` Owned by you: ${verdict.because}.` : "";
  let notified = 0;
  if (critical) {
    const result = await notify({
      orgId,
      event: "critical_issue",
      recipients,
      title: `Critical: ${issue.shortId} ${issue.title}`,
      body: `${issue.culprit || issue.project.slug} — ${severity.reasons.join(", ")}. ${issue.userCount} users, ${issue.eventCount} events.${owned}`,
      link,
      dedupeKey: `critical_issue:${issue.id}`,
    });
    notified += result.notified;
  }
  if (regression) {
    // One per issue per day: Sentry may report one regression as both issue.unresolved and an alert.
    const day = new Date().toISOString().slice(0, 10);
    const result = await notify({
      orgId,
      event: "issue_regression",
      recipients,
      title: `Regressed: ${issue.shortId} ${issue.title}`,
      body: `${issue.culprit || issue.project.slug} came back${event.release ? ` in ${event.release}` : ""} after it was resolved. ${issue.userCount} users, ${issue.eventCount} events.${owned}`,
      link,
      dedupeKey: `issue_regression:${issue.id}:${day}`,
    });
    notified += result.notified;
  }
  return { notified };
}

async function readIssue(sentry: NonNullable<Awaited<ReturnType<typeof getSentryConfig>>>, issueId: string) {
  const { issues } = await listIssues(sentry, { query: `issue.id:${issueId}`, statsPeriod: "24h", maxPages: 1 });
  return (issues[0] as SentryIssueFacts | undefined) ?? null;
}
