import "server-only";
import { z } from "zod";
import { createSentryClient } from "./client";
import type { SentryClientConfig } from "./types";

/**
 * When each release last finished deploying, and where: the `lastDeploy` Sentry keeps on every release (set by
 * `sentry-cli releases deploys new`). Releases never deployed have none. One request per page of releases.
 */
export type ReleaseDeploy = {
  version: string;
  /** Released (dateReleased), or null when Sentry never saw it released. */
  dateReleased: string | null;
  lastDeploy: { environment: string; finishedAt: string } | null;
};

const deploySchema = z.object({
  environment: z.string(),
  dateFinished: z.string().nullish(),
  dateStarted: z.string().nullish(),
});
const releaseSchema = z.object({
  version: z.string(),
  dateReleased: z.string().nullish(),
  lastDeploy: deploySchema.nullish().catch(null),
});

export async function listReleaseDeploys(
  config: SentryClientConfig,
  { maxPages = 3 }: { maxPages?: number } = {},
): Promise<ReleaseDeploy[]> {
  const client = createSentryClient(config);
  const releases: ReleaseDeploy[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await client.get<unknown[]>(`/organizations/${config.organizationSlug}/releases/`, {
      per_page: 100,
      cursor,
    });
    for (const item of answer.data) {
      const parsed = releaseSchema.safeParse(item);
      if (!parsed.success) continue;
      const deploy = parsed.data.lastDeploy;
      const finishedAt = deploy?.dateFinished ?? deploy?.dateStarted ?? null;
      releases.push({
        version: parsed.data.version,
        dateReleased: parsed.data.dateReleased ?? null,
        lastDeploy: deploy && finishedAt ? { environment: deploy.environment, finishedAt } : null,
      });
    }
    if (!answer.cursors.next) break;
    cursor = answer.cursors.next;
  }
  return releases;
}

/** The latest event of an issue, as Sentry's REST API gives it (ownership rules read its frames, URL and tags). */
export async function getLatestIssueEvent(config: SentryClientConfig, issueId: string): Promise<unknown> {
  const client = createSentryClient(config);
  const answer = await client.get<unknown>(
    `/organizations/${config.organizationSlug}/issues/${encodeURIComponent(issueId)}/events/latest/`,
  );
  return answer.data;
}
