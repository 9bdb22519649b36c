import "server-only";
import type { ActorType } from "@/lib/db/types";
import { buildSentryTicket } from "@/lib/domain/tickets/sentry-ticket";
import { type ClassifiedIssue, loadErrorsPage } from "@/lib/features/errors";
import { ticketForSentryIssue, type TicketOutcome } from "./sentry-to-jira";

/**
 * "Create ticket" for an issue of the errors list, as the page and agents ask
 * for it: the issue must be among the current unresolved issues, and its
 * ticket takes priority from the severity class shown there.
 */
export type ListedTicketResult =
  | { status: "not-connected" | "unavailable" | "not-listed"; message: string }
  | { status: "filed"; issue: ClassifiedIssue; priority: string; outcome: TicketOutcome };

export async function ticketForListedSentryIssue({
  orgId,
  issueId,
  projectKey,
  actor,
  requestId,
  retry,
}: {
  orgId: string;
  issueId: string;
  projectKey: string;
  actor: { type: ActorType; id: string | null; label: string };
  requestId: string;
  retry?: { ownWritesOnly: boolean };
}): Promise<ListedTicketResult> {
  const page = await loadErrorsPage({ orgId, filters: { period: "7d", sort: "severity" }, requestId });
  if (page.status === "not-connected") return { status: "not-connected", message: "Sentry is not connected." };
  if (page.status === "unavailable") return { status: "unavailable", message: page.message };
  const issue = page.issues.find((i) => i.id === issueId);
  if (!issue)
    return {
      status: "not-listed",
      message: `Sentry issue ${issueId} is not in the current list of unresolved issues.`,
    };
  const ticket = buildSentryTicket({ ...issue, projectSlug: issue.project.slug }, issue);
  return {
    status: "filed",
    issue,
    priority: ticket.priority,
    outcome: await ticketForSentryIssue({ orgId, issue, ticket, projectKey, actor, requestId, retry }),
  };
}
