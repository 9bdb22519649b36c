import "server-only";
import { readThrough } from "@/lib/platform/cache/read-through";
import { getJiraConfig } from "@/lib/integrations/connections";
import type { JiraClientConfig } from "@/lib/integrations/jira";
import { listAllVersions, type JiraVersion } from "@/lib/integrations/jira/versions";
import { loadReleasesPage } from "./load";
import { checkVersionName } from "./version-name";
import type { VersionRead } from "./version-read";

/**
 * Anyone in an org can ask for any release version, and each per-version read
 * is its own cache entry and upstream request. So a version is looked up only
 * when it is in the org's own release lists — Sentry's releases and Jira's
 * versions, each read once per org and cached — which bounds per-version
 * lookups by the number of real releases, whatever is typed into a URL.
 */
export type VersionCheck =
  | { kind: "known"; name: string }
  | { kind: "invalid"; message: string }
  | { kind: "unknown"; message: string }
  | { kind: "unverifiable"; message: string };

const JIRA_VERSIONS_TTL_MS = 5 * 60_000;

/** Every Jira version of the site, cached under one key per org. */
export async function readJiraVersionList({
  orgId,
  config,
  force = false,
}: {
  orgId: string;
  config: JiraClientConfig;
  force?: boolean;
}): Promise<JiraVersion[]> {
  return (
    await readThrough({
      orgId,
      key: "jira:versions",
      ttlMs: JIRA_VERSIONS_TTL_MS,
      force,
      load: () => listAllVersions(config),
    })
  ).value;
}

export async function checkReleaseVersion({ orgId, version, requestId }: VersionRead): Promise<VersionCheck> {
  const name = checkVersionName(version);
  if (!name.ok) return { kind: "invalid", message: `version ${name.message}` };
  const sentry = await loadReleasesPage({ orgId, requestId });
  if (sentry.status === "ok" && sentry.releases.some((r) => r.version === name.name))
    return { kind: "known", name: name.name };
  // Only then Jira's versions: a release being prepared may exist there before Sentry sees it.
  const jira = await getJiraConfig({ orgId, requestId });
  const jiraVersions = jira ? await readJiraVersionList({ orgId, config: jira }).catch(() => null) : [];
  if (jiraVersions?.some((v) => v.name === name.name)) return { kind: "known", name: name.name };
  // A list that could not be read may hold it: say so rather than call it unknown, and still look nothing up.
  if (sentry.status === "unavailable" || jiraVersions === null)
    return {
      kind: "unverifiable",
      message: `Could not check whether "${name.name}" is a release: ${sentry.status === "unavailable" ? `Sentry: ${sentry.message}` : "Jira is not answering"}.`,
    };
  return { kind: "unknown", message: `Neither Sentry nor Jira has a release named "${name.name}".` };
}
