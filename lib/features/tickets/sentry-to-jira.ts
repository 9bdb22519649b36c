import "server-only";
import type { ActorType } from "@/lib/db/types";
import { findTicketForSentryIssue, recordTicketLink } from "@/lib/db/queries/ticket-links";
import type { SentryIssueFacts } from "@/lib/domain/automations";
import { scrubPersonalData } from "@/lib/domain/investigation/scrub";
import type { SentryTicket } from "@/lib/domain/tickets/sentry-ticket";
import { getJiraConfig, getSentryConfig } from "@/lib/integrations/connections";
import type { JiraClientConfig } from "@/lib/integrations/jira";
import { findInstallationUuid } from "@/lib/integrations/sentry";
import { findIntent } from "@/lib/db/queries/outbox";
import { outcomeOf, performWrite, type WriteOutcome } from "@/lib/platform/outbox";
import { describeRetry } from "@/lib/platform/outbox/describe-retry";
import { retryWrite } from "@/lib/platform/outbox/retry-write";
import { suggestAssignee } from "./routing";
import { investigationForTicket } from "@/lib/features/investigation";

export type TicketOutcome =
  | { status: "created" | "existing"; key: string; url: string; assignee?: string }
  | { status: "pending"; message: string; retryAt: Date | null }
  | { status: "failed"; message: string };

type Actor = { type: ActorType; id: string | null; label: string };
/** "Retry" after a failure: send the failed create again as it was. `ownWritesOnly` for someone who may retry only their own writes. */
type RetryRequest = { ownWritesOnly: boolean };
type TicketFields = Pick<SentryTicket, "summary" | "description" | "priority" | "labels">;

/**
 * One Jira ticket per Sentry issue: if the pair exists, it is returned; else
 * the ticket the caller built (from the severity on the errors page, from the
 * level in automations) is created with the issue's investigation report in its description (personal data
 * scrubbed), assigned to the issue's owner by ownership rules or else the owner of the project's component
 * when routing is set up), the pair stored, and links added both ways — a remote link on the
 * Jira issue and an external issue on the Sentry issue. Every write goes
 * through the outbox keyed by the Sentry issue, so a repeat never files twice;
 * a repeat with corrected input after a failure (another project) replaces the
 * failed write instead of returning its failure.
 */
export async function ticketForSentryIssue({
  orgId,
  issue,
  ticket,
  projectKey,
  actor,
  requestId,
  runId,
  waitForBackoff,
  retry,
}: {
  orgId: string;
  issue: SentryIssueFacts;
  ticket: TicketFields;
  projectKey: string;
  actor: Actor;
  requestId: string;
  runId?: string;
  waitForBackoff?: boolean;
  retry?: RetryRequest;
}): Promise<TicketOutcome> {
  const jira = await getJiraConfig({ orgId, requestId });
  if (!jira) return { status: "failed", message: "Connect Jira first." };
  const browse = (key: string) => `${jira.siteUrl}/browse/${key}`;
  const existing = await findTicketForSentryIssue({ orgId, sentryIssueId: issue.id });
  if (existing) return { status: "existing", key: existing.jiraIssueKey, url: browse(existing.jiraIssueKey) };

  // The investigation report goes into the description (scrubbed), and its latest event's facts pick the owner.
  const investigation = await investigationForTicket({ orgId, issueId: issue.id, requestId });
  const suggestion = await suggestAssignee({
    orgId,
    sentryProjectSlug: issue.project.slug,
    facts: investigation.facts ?? undefined,
  });
  const description = investigation.describe(ticket.description);
  const retried = retry ? await retryFailedCreate({ orgId, issueId: issue.id, actor, requestId, retry, jira }) : null;
  if (retried && "message" in retried) return retried;
  const created =
    retried ??
    (await performWrite({
      orgId,
      operation: "jira.issue.create",
      args: {
        projectKey,
        issueType: "Bug",
        summary: scrubPersonalData(ticket.summary),
        description,
        priority: ticket.priority,
        labels: ticket.labels,
        assigneeAccountId: suggestion?.accountId ?? null,
      },
      orderingKey: `sentry-issue:${issue.id}`,
      idempotencyKey: `sentry-ticket:${issue.id}`,
      actor,
      summary: `Created a Jira bug for Sentry issue ${issue.shortId}`,
      target: { type: "sentry_issue", id: issue.id },
      requestId,
      runId,
      waitForBackoff,
      connections: { jira },
    }));
  if (created.status === "pending")
    return {
      status: "pending",
      message: `Jira is not answering${created.error ? ` (${created.error})` : ""}; the ticket will be created as soon as it is back. Open this issue again to link it.`,
      retryAt: created.retryAt,
    };
  // Corrected input under the same key (another project, say) replaces this failed write, so say so.
  if (created.status === "failed")
    return {
      status: "failed",
      message: `${created.error} — retry it, or create it in the right Jira project to replace it.`,
    };
  const { id, key } = created.result;
  await recordTicketLink({
    orgId,
    jiraIssueKey: key,
    jiraIssueId: id,
    sentryIssueId: issue.id,
    sentryShortId: issue.shortId,
    createdVia: actor.type,
    createdById: actor.type === "user" ? actor.id : null,
  });

  await performWrite({
    orgId,
    operation: "jira.issue.remote_link",
    args: {
      issueKey: key,
      url: issue.permalink,
      title: `Sentry ${issue.shortId}: ${issue.title}`.slice(0, 255),
      globalId: `sentry-issue-${issue.id}`,
    },
    orderingKey: `jira:${key}`,
    idempotencyKey: `sentry-ticket:${issue.id}:remote-link`,
    actor,
    summary: `Linked ${key} back to Sentry issue ${issue.shortId}`,
    target: { type: "jira_issue", id: key },
    requestId,
    runId,
    connections: { jira },
  });
  const sentry = await getSentryConfig({ orgId, requestId });
  const installationUuid = sentry ? await findInstallationUuid(sentry) : null;
  if (sentry && installationUuid) {
    await performWrite({
      orgId,
      operation: "sentry.issue.link_external",
      args: {
        installationUuid,
        issueId: issue.id,
        webUrl: browse(key),
        project: projectKey,
        identifier: key.split("-")[1] ?? key,
      },
      orderingKey: `sentry-issue:${issue.id}`,
      idempotencyKey: `sentry-ticket:${issue.id}:external-link`,
      actor,
      summary: `Showed ${key} on Sentry issue ${issue.shortId}`,
      target: { type: "sentry_issue", id: issue.id },
      requestId,
      runId,
      connections: { sentry },
    });
  }
  return {
    status: "created",
    key,
    url: browse(key),
    assignee: suggestion ? `${suggestion.name} (${suggestion.reason})` : undefined,
  };
}

/**
 * The failed create of this Sentry issue's ticket, sent again as it was
 * (retry-write.ts) so that on success the link is made here as for any other
 * create. No failed create: null, and the ticket is asked for as usual.
 */
async function retryFailedCreate({
  orgId,
  issueId,
  actor,
  requestId,
  retry,
  jira,
}: {
  orgId: string;
  issueId: string;
  actor: Actor;
  requestId: string;
  retry: RetryRequest;
  jira: JiraClientConfig;
}): Promise<WriteOutcome<"jira.issue.create"> | { status: "failed"; message: string } | null> {
  const intent = await findIntent({ orgId, idempotencyKey: `sentry-ticket:${issueId}` });
  if (!intent || (intent.status !== "failed" && intent.status !== "dead")) return null;
  const outcome = await retryWrite({
    orgId,
    intentId: intent.id,
    actor,
    requestId,
    ownWritesOnly: retry.ownWritesOnly,
    connections: { jira },
  });
  if (outcome.status === "succeeded" || outcome.status === "pending" || outcome.status === "failed")
    return outcomeOf("jira.issue.create", outcome);
  const described = describeRetry(outcome);
  return { status: "failed", message: described.ok ? described.data.message : described.error };
}
