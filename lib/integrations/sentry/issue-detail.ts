import "server-only";
import type { SimilarIssue } from "@/lib/domain/investigation/types";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { createSentryClient } from "./client";
import { type IssueDetail, toIssueDetail } from "./events-transform";
import { toIssueSummary } from "./issue-transform";
import type { SentryClientConfig, SentryIssueSummary } from "./types";

/** One issue in detail (with first and last release and event series); null when Sentry does not know it. */
export async function getIssueDetail(config: SentryClientConfig, issueId: string): Promise<IssueDetail | null> {
  const client = createSentryClient(config);
  try {
    const answer = await client.get<unknown>(
      `/organizations/${config.organizationSlug}/issues/${encodeURIComponent(issueId)}/`,
    );
    return toIssueDetail(answer.data);
  } catch (error) {
    if (error instanceof IntegrationError && error.status === 404) return null;
    throw error;
  }
}

/**
 * Other issues with the same culprit, any status, over 90 days: Sentry's
 * free-text search matches culprits, so the exact culprit is searched and the
 * answers filtered to an exact match.
 */
export async function findIssuesWithCulprit(
  config: SentryClientConfig,
  { issueId, culprit }: { issueId: string; culprit: string },
): Promise<SimilarIssue[]> {
  const phrase = culprit.replace(/["\\]/g, " ").trim();
  if (!phrase) return [];
  const client = createSentryClient(config);
  const answer = await client.get<unknown[]>(`/organizations/${config.organizationSlug}/issues/`, {
    query: `"${phrase}"`,
    statsPeriod: "90d",
    sort: "date",
    limit: 25,
  });
  return (Array.isArray(answer.data) ? answer.data : [])
    .map(toIssueSummary)
    .filter((i): i is SentryIssueSummary => i !== null && i.id !== issueId && i.culprit === culprit)
    .slice(0, 10)
    .map((i) => ({
      id: i.id,
      shortId: i.shortId,
      title: i.title,
      culprit: i.culprit,
      status: i.status,
      eventCount: i.eventCount,
      lastSeen: i.lastSeen,
      reason: "culprit" as const,
    }));
}
