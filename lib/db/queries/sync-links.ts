import "server-only";
import { db } from "@/lib/db/client";

/** The linked pairs the sync acts on, found from either side. */
const pair = { id: true, jiraIssueKey: true, sentryIssueId: true, sentryShortId: true } as const;

export async function findSyncLinksForJiraKey({ orgId, jiraIssueKey }: { orgId: string; jiraIssueKey: string }) {
  return db.ticketLink.findMany({ where: { orgId, jiraIssueKey }, select: pair, orderBy: { createdAt: "asc" } });
}

export async function findSyncLinkForSentryIssue({ orgId, sentryIssueId }: { orgId: string; sentryIssueId: string }) {
  return db.ticketLink.findUnique({ where: { orgId_sentryIssueId: { orgId, sentryIssueId } }, select: pair });
}
