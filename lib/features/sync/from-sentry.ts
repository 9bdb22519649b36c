import "server-only";
import { findCommentMirror } from "@/lib/db/queries/sync-comment-mirrors";
import { listSyncEchoes } from "@/lib/db/queries/sync-echoes";
import { listSyncFieldStates } from "@/lib/db/queries/sync-field-states";
import { findSyncLinkForSentryIssue } from "@/lib/db/queries/sync-links";
import { listSyncPeople } from "@/lib/db/queries/sync-people";
import type { AutomationEvent } from "@/lib/domain/automations";
import { decideFromSentry, type SentryChange, type SyncResult, type SyncSettings } from "@/lib/domain/sync";
import { getSentryConfig } from "@/lib/integrations/connections";
import { getIssueLastRelease } from "@/lib/integrations/sentry";
import { applyDecisions } from "./apply";
import { getSyncSettings } from "./settings";

/**
 * Applies a change to a linked Sentry issue (from the Sentry delivery job) to its Jira ticket: a
 * resolution, a regression, archiving, an assignee or a comment. Events of issues with no ticket, and
 * events no setting asks for, change nothing and record nothing.
 */
export type SyncFromSentryInput = { orgId: string; event: AutomationEvent; deliveryId: string; receivedAt: Date };

async function changeOf(
  orgId: string,
  event: AutomationEvent,
  settings: SyncSettings,
): Promise<{ issueId: string; change: SentryChange; at: string | null } | null> {
  if (event.type === "sentry.issue" && event.action === "unresolved") {
    // The webhook does not say which release brought the error back; the issue's last release does.
    const sentry = settings.sentryStatusToJira ? await getSentryConfig({ orgId }) : null;
    const release =
      event.release ?? (sentry ? await getIssueLastRelease(sentry, event.issueId).catch(() => null) : null);
    const regressed = event.issue?.substatus === "regressed";
    return { issueId: event.issueId, change: { kind: "unresolved", regressed, release }, at: null };
  }
  if (event.type !== "sentry.issue_change") return null;
  const at = event.at;
  switch (event.action) {
    case "resolved":
      return { issueId: event.issueId, change: { kind: "resolved" }, at };
    case "archived":
      return {
        issueId: event.issueId,
        change: { kind: "archived", until: event.ignoreUntil, substatus: event.substatus },
        at,
      };
    case "assigned":
      return {
        issueId: event.issueId,
        change: { kind: "assigned", email: event.assignee?.email ?? null, name: event.assignee?.name ?? null },
        at,
      };
    case "comment": {
      if (!event.comment) return null;
      const mirrored = await findCommentMirror({ orgId, origin: "sentry", originCommentId: event.comment.id });
      return {
        issueId: event.issueId,
        change: {
          kind: "comment",
          id: event.comment.id,
          text: event.comment.text,
          author: event.actorName,
          alreadyMirrored: mirrored !== null,
        },
        at,
      };
    }
  }
}

export async function syncFromSentryEvent({
  orgId,
  event,
  deliveryId,
  receivedAt,
}: SyncFromSentryInput): Promise<SyncResult[]> {
  if (event.type !== "sentry.issue_change" && !(event.type === "sentry.issue" && event.action === "unresolved"))
    return [];
  const link = await findSyncLinkForSentryIssue({ orgId, sentryIssueId: event.issueId });
  if (!link) return [];
  const settings = await getSyncSettings({ orgId });
  const found = await changeOf(orgId, event, settings);
  if (!found) return [];
  const now = new Date();
  const [echoes, states, people] = await Promise.all([
    listSyncEchoes({ orgId, objectIds: [link.jiraIssueKey, link.sentryIssueId], now }),
    listSyncFieldStates({ orgId, linkId: link.id }),
    settings.assignees ? listSyncPeople({ orgId }) : Promise.resolve([]),
  ]);
  const at = found.at ? new Date(found.at) : receivedAt;
  const pair = { linkId: link.id, ...link };
  const decisions = decideFromSentry({ change: found.change, at, pair, settings, echoes, states, people, now });
  return applyDecisions(decisions, {
    orgId,
    pair,
    eventKey: `sentry:${deliveryId}`,
    occurredAt: at,
    requestId: `webhook-${deliveryId}`,
    mirroredComment: found.change.kind === "comment" ? { originCommentId: found.change.id } : undefined,
  });
}
