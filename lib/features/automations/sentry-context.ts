import "server-only";
import { findTicketForSentryIssue } from "@/lib/db/queries/ticket-links";
import type { AutomationEvent, RuleConfig, SentryIssueContext } from "@/lib/domain/automations";
import { classifySeverity, severityInputFromIssue } from "@/lib/domain/severity";
import { getSeveritySettings } from "@/lib/features/errors";
import { getSentryConfig } from "@/lib/integrations/connections";
import { getIssueLastRelease, listIssues, type SentryIssueSummary } from "@/lib/integrations/sentry";

/**
 * The facts a Sentry issue rule decides on: the issue (from the webhook, or
 * read from Sentry when an alert carries only its id), its events and users in
 * the rule's window (one request, only when the rule has thresholds), the
 * ticket already filed for it, its severity class, and — for a regression of a
 * ticketed issue — the release it regressed in.
 */
export async function gatherSentryIssueContext({
  orgId,
  event,
  config,
  requestId,
}: {
  orgId: string;
  event: Extract<AutomationEvent, { type: "sentry.issue" }>;
  config: RuleConfig<"sentry_issue_to_jira">;
  requestId: string;
}): Promise<SentryIssueContext> {
  const needsWindow = config.minUsers !== null || config.minEvents !== null;
  let issue = event.issue as SentryIssueSummary | null;
  let windowCounts: SentryIssueContext["windowCounts"] = null;
  let lastRelease: string | null = null;
  const existing = await findTicketForSentryIssue({ orgId, sentryIssueId: event.issueId });
  const regressionToComment = existing !== null && event.action === "unresolved" && !event.release;
  const sentry = !issue || needsWindow || regressionToComment ? await getSentryConfig({ orgId, requestId }) : null;
  if (sentry && regressionToComment) lastRelease = await getIssueLastRelease(sentry, event.issueId);
  if (!issue || needsWindow) {
    if (sentry) {
      const { issues } = await listIssues(sentry, {
        query: `issue.id:${event.issueId}`,
        statsPeriod: `${config.windowHours}h`,
        maxPages: 1,
      });
      const read = issues[0] ?? null;
      // The list answers with counts for the requested period.
      if (read && needsWindow) windowCounts = { events: read.eventCount, users: read.userCount };
      issue ??= read;
    }
  }
  const severity = issue ? classifySeverity(severityInputFromIssue(issue), await getSeveritySettings({ orgId })) : null;
  return {
    issue,
    windowCounts,
    existingTicketKey: existing?.jiraIssueKey ?? null,
    severity: severity ? { severity: severity.severity, reasons: severity.reasons } : null,
    lastRelease,
  };
}
