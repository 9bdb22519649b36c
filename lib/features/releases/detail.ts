import "server-only";
import { readThrough } from "@/lib/platform/cache/read-through";
import { healthSeries, type HealthSeriesPoint } from "@/lib/domain/release-health";
import { getJiraConfig, getSentryConfig } from "@/lib/integrations/connections";
import { searchWorkItems, type JiraWorkItem } from "@/lib/integrations/jira";
import { releaseSessionSeries } from "@/lib/integrations/sentry";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { checkReleaseVersion, readJiraVersionList, type VersionCheck } from "./known-versions";
import type { VersionRead } from "./version-read";

const TTL_MS = 5 * 60_000;

/**
 * Health over time from Sentry and the Jira fixVersion of the same name; each read cached, each optional.
 * Only for a version in the org's release lists (see known-versions.ts); any other makes no upstream request.
 */
export async function loadReleaseDetail({ orgId, version, requestId }: VersionRead): Promise<{
  series: HealthSeriesPoint[] | null;
  jiraIssues: JiraWorkItem[] | null;
  jiraError: string | null;
  check: VersionCheck;
}> {
  const check = await checkReleaseVersion({ orgId, version, requestId });
  if (check.kind !== "known") return { series: null, jiraIssues: null, jiraError: check.message, check };
  const [sentry, jira] = await Promise.all([
    getSentryConfig({ orgId, requestId }),
    getJiraConfig({ orgId, requestId }),
  ]);
  const series = sentry
    ? await readThrough({
        orgId,
        key: `sentry:release-series:${version}`,
        ttlMs: TTL_MS,
        load: () => releaseSessionSeries(sentry, version),
      })
        .then((c) => healthSeries(c.value))
        .catch(() => null)
    : null;
  if (!jira) return { series, jiraIssues: null, jiraError: "Jira is not connected.", check };
  try {
    const escaped = version.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
    const issues = await readThrough({
      orgId,
      key: `jira:fix-version:${version}`,
      ttlMs: TTL_MS,
      load: () => searchWorkItems(jira, `fixVersion = "${escaped}" ORDER BY key ASC`, null),
    });
    return { series, jiraIssues: issues.value, jiraError: null, check };
  } catch (error) {
    if (!(error instanceof IntegrationError))
      return { series, jiraIssues: null, jiraError: error instanceof Error ? error.message : String(error), check };
    // Jira's own words name only the version; the projects it was looked for in come from the cached version list.
    const versions = await readJiraVersionList({ orgId, config: jira }).catch(() => []);
    const jiraProjectKeys = [...new Set(versions.map((v) => v.projectKey))].sort();
    return { series, jiraIssues: null, jiraError: integrationErrorText(error, { jiraProjectKeys }), check };
  }
}
