import "server-only";
import { createSentryClient } from "./client";
import {
  toDeploys,
  toReleaseDeliverySummaries,
  type ReleaseDeliverySummary,
  type SentryDeployRecord,
} from "./deploys-transform";
import { listReleases, type SentryRelease } from "./releases";
import type { SentryClientConfig } from "./types";

/**
 * When each release last finished deploying, and where: the `lastDeploy` Sentry keeps on every release (set by
 * `sentry-cli releases deploys new`), read from the same release list the releases pages read. Releases never
 * deployed have none.
 */
export type ReleaseDeploy = Pick<SentryRelease, "version" | "dateReleased" | "lastDeploy">;

export async function listReleaseDeploys(
  config: SentryClientConfig,
  options: { maxPages?: number } = {},
): Promise<ReleaseDeploy[]> {
  return (await listReleases(config, options)).map(({ version, dateReleased, lastDeploy }) => ({
    version,
    dateReleased,
    lastDeploy,
  }));
}

const MAX_DEPLOY_PAGES = 10;
const MAX_RELEASE_PAGES = 20;

/**
 * Every release created since `since`, with its deploy and commit counts, newest first. Sentry lists releases
 * newest first, so paging stops at the first page that reaches past `since`.
 */
export async function listReleasesSince(config: SentryClientConfig, since: Date): Promise<ReleaseDeliverySummary[]> {
  const client = createSentryClient(config);
  const releases: ReleaseDeliverySummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_RELEASE_PAGES; page++) {
    const answer = await client.get<unknown>(`/organizations/${config.organizationSlug}/releases/`, {
      per_page: 100,
      cursor,
    });
    const items = toReleaseDeliverySummaries(answer.data);
    releases.push(...items.filter((r) => new Date(r.dateCreated) >= since));
    if (!answer.cursors.next || items.some((r) => new Date(r.dateCreated) < since)) break;
    cursor = answer.cursors.next;
  }
  return releases;
}

/** Every deploy of one release, in every environment (`GET /organizations/{org}/releases/{version}/deploys/`). */
export async function listDeploysOfRelease(config: SentryClientConfig, version: string): Promise<SentryDeployRecord[]> {
  const client = createSentryClient(config);
  const path = `/organizations/${config.organizationSlug}/releases/${encodeURIComponent(version)}/deploys/`;
  const deploys: SentryDeployRecord[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_DEPLOY_PAGES; page++) {
    const answer = await client.get<unknown>(path, { per_page: 100, cursor });
    deploys.push(...toDeploys(answer.data));
    if (!answer.cursors.next) break;
    cursor = answer.cursors.next;
  }
  return deploys;
}
