import "server-only";
import { db } from "@/lib/db/client";
import type { ActorType } from "@/lib/db/generated/enums";

export async function findTicketForSentryIssue({ orgId, sentryIssueId }: { orgId: string; sentryIssueId: string }) {
  return db.ticketLink.findUnique({ where: { orgId_sentryIssueId: { orgId, sentryIssueId } } });
}

/** Jira keys linked to Sentry issues, for the issue list. */
export async function listTicketLinks({ orgId, sentryIssueIds }: { orgId: string; sentryIssueIds: string[] }) {
  return db.ticketLink.findMany({
    where: { orgId, sentryIssueId: { in: sentryIssueIds } },
    select: { sentryIssueId: true, jiraIssueKey: true },
  });
}

/** Reverse lookup: the Sentry issues linked to one Jira key. */
export async function findSentryIssuesForJiraKey({ orgId, jiraIssueKey }: { orgId: string; jiraIssueKey: string }) {
  return db.ticketLink.findMany({
    where: { orgId, jiraIssueKey },
    select: { sentryIssueId: true, sentryShortId: true, createdAt: true },
  });
}

/** Records the pair once; a concurrent second record of the same Sentry issue keeps the first. */
export async function recordTicketLink(input: {
  orgId: string;
  jiraIssueKey: string;
  jiraIssueId: string;
  sentryIssueId: string;
  sentryShortId: string;
  createdVia: ActorType;
  createdById: string | null;
}) {
  // Insert-if-absent, then read, so two concurrent records never fail on the unique key.
  await db.ticketLink.createMany({ data: [input], skipDuplicates: true });
  return db.ticketLink.findUniqueOrThrow({
    where: { orgId_sentryIssueId: { orgId: input.orgId, sentryIssueId: input.sentryIssueId } },
  });
}
