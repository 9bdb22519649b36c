import "server-only";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { createSentryClient } from "./client";
import { toIssueSummary, toReleaseSessions } from "./issue-transform";
import type { SentryClientConfig, SentryIssueSummary, SentryIssueUpdate, SentryReleaseSessions } from "./types";

/**
 * Sentry reads and writes for the errors and releases pages, with the fewest
 * requests: 100 issues per page following the `Link` cursor only while it
 * promises results, and one sessions query for every release at once.
 */
const notNull = <T>(value: T | null): value is T => value !== null;

export async function listIssues(
  config: SentryClientConfig,
  {
    query = "is:unresolved",
    statsPeriod = "14d",
    environment,
    sort = "freq",
    maxPages = 5,
  }: { query?: string; statsPeriod?: string; environment?: string; sort?: string; maxPages?: number } = {},
): Promise<{ issues: SentryIssueSummary[]; isComplete: boolean }> {
  const client = createSentryClient(config);
  const issues: SentryIssueSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await client.get<unknown[]>(`/organizations/${config.organizationSlug}/issues/`, {
      query,
      statsPeriod,
      environment,
      sort,
      limit: 100,
      cursor,
    });
    issues.push(...answer.data.map(toIssueSummary).filter(notNull));
    if (!answer.cursors.next) return { issues, isComplete: true };
    cursor = answer.cursors.next;
  }
  return { issues, isComplete: false };
}

/** Status or assignee for one or many issues, in one bulk request. */
export async function updateIssues(
  config: SentryClientConfig,
  issueIds: string[],
  update: SentryIssueUpdate,
): Promise<void> {
  const client = createSentryClient(config);
  const answer = await client.write("PUT", `/organizations/${config.organizationSlug}/issues/`, {
    query: { id: issueIds },
    body: update,
  });
  // Sentry answers a bulk update that matched no issue of the org with 204: nothing changed, so say so.
  if (answer.data === null)
    throw new IntegrationError({
      service: "sentry",
      reason: "not_found",
      status: 404,
      message: `None of the issues ${issueIds.join(", ")} is in this Sentry organization`,
    });
}

/** Crash-free sessions and users for every release in the period, in one request. */
export async function listReleaseSessions(
  config: SentryClientConfig,
  { statsPeriod = "30d" }: { statsPeriod?: string } = {},
): Promise<SentryReleaseSessions[]> {
  const client = createSentryClient(config);
  const answer = await client.get<unknown>(`/organizations/${config.organizationSlug}/sessions/`, {
    field: ["sum(session)", "count_unique(user)", "crash_free_rate(session)", "crash_free_rate(user)"],
    groupBy: "release",
    statsPeriod,
    interval: "1d",
    includeSeries: 0,
  });
  return toReleaseSessions(answer.data);
}

/** The Sentry App installation that links issues to external tickets. */
export async function findInstallationUuid(config: SentryClientConfig): Promise<string | null> {
  const client = createSentryClient(config);
  const answer = await client.get<{ uuid: string; status?: string }[]>(
    `/organizations/${config.organizationSlug}/sentry-app-installations/`,
  );
  return answer.data.find((installation) => installation.status !== "pending")?.uuid ?? null;
}

export type ExternalIssueLink = {
  id: string;
  issueId: string;
  serviceType: string;
  displayName: string;
  webUrl: string;
};

/**
 * The issue's existing link to this ticket, if any. Sentry keeps one link per
 * issue and app and answers a second POST with a 500, so a link whose answer
 * was lost must be found, not posted again.
 */
export async function findExternalIssueLink(
  config: SentryClientConfig,
  { issueId, webUrl }: { issueId: string; webUrl: string },
): Promise<ExternalIssueLink | null> {
  const client = createSentryClient(config);
  const answer = await client.get<ExternalIssueLink[]>(
    `/organizations/${config.organizationSlug}/issues/${encodeURIComponent(issueId)}/external-issues/`,
  );
  return answer.data.find((link) => link.webUrl === webUrl) ?? null;
}

/** Shows a Jira ticket on the Sentry issue ("Linked issues"), via the installation. */
export async function linkExternalIssue(
  config: SentryClientConfig,
  {
    installationUuid,
    issueId,
    webUrl,
    project,
    identifier,
  }: { installationUuid: string; issueId: string; webUrl: string; project: string; identifier: string },
): Promise<void> {
  const client = createSentryClient(config);
  await client.write("POST", `/sentry-app-installations/${installationUuid}/external-issues/`, {
    body: { issueId: Number(issueId), webUrl, project, identifier },
  });
}

/** The organization's project slugs. */
export async function listProjectSlugs(config: SentryClientConfig): Promise<string[]> {
  const client = createSentryClient(config);
  const answer = await client.get<{ slug: string }[]>(`/organizations/${config.organizationSlug}/projects/`, {
    per_page: 100,
  });
  return answer.data.map((p) => p.slug).sort();
}

/** The release an issue was last seen in (the issue detail's `lastRelease`), for regression comments. */
export async function getIssueLastRelease(config: SentryClientConfig, issueId: string): Promise<string | null> {
  const client = createSentryClient(config);
  const answer = await client.get<{ lastRelease?: { version?: string } | null }>(
    `/organizations/${config.organizationSlug}/issues/${encodeURIComponent(issueId)}/`,
  );
  return answer.data.lastRelease?.version ?? null;
}
