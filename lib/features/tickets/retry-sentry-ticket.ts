import "server-only";
import type { ActorType } from "@/lib/db/types";
import { findFailedWrite } from "@/lib/db/queries/outbox";
import { readStoredArgs } from "@/lib/platform/outbox";
import { ticketForListedSentryIssue } from "./from-errors-list";

const SENTRY_TICKET_KEY = /^sentry-ticket:(\d+)$/;

/**
 * "Retry" on the automations page for a failed "Create ticket" of a Sentry
 * issue: sent again through the same path as the errors page's button, so on
 * success the ticket is linked to the issue both ways, not only created. Null
 * when the write is not such a ticket (an automation's run has its own retry),
 * or the issue is no longer listed: then the write is retried as it is.
 */
export async function retrySentryTicket({
  orgId,
  intentId,
  actor,
  requestId,
  ownWritesOnly,
}: {
  orgId: string;
  intentId: string;
  actor: { type: ActorType; id: string | null; label: string };
  requestId: string;
  ownWritesOnly: boolean;
}) {
  const intent = await findFailedWrite({ orgId, intentId });
  if (!intent || intent.operation !== "jira.issue.create" || intent.runId !== null) return null;
  // Someone else's write, for one who may retry only their own: the outbox's own retry refuses it.
  if (ownWritesOnly && intent.actorId !== actor.id) return null;
  const issueId = SENTRY_TICKET_KEY.exec(intent.idempotencyKey)?.[1];
  const projectKey = readStoredArgs("jira.issue.create", intent.payload)?.projectKey;
  if (!issueId || !projectKey) return null;
  const listed = await ticketForListedSentryIssue({
    orgId,
    issueId,
    projectKey,
    actor,
    requestId,
    retry: { ownWritesOnly },
  });
  return listed.status === "filed" ? listed.outcome : null;
}
