import "server-only";
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
