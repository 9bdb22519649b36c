import "server-only";
import { readThrough } from "@/lib/cache/read-through";
import { healthSeries, type HealthSeriesPoint } from "@/lib/domain/release-health";
import { getJiraConfig, getSentryConfig } from "@/lib/integrations/connections";
import { searchWorkItems, type JiraWorkItem } from "@/lib/integrations/jira";
import { releaseSessionSeries } from "@/lib/integrations/sentry";

const TTL_MS = 5 * 60_000;

/** Health over time from Sentry and the Jira fixVersion of the same name; each read cached, each optional. */
export async function loadReleaseDetail({ orgId, version, requestId }: { orgId: string; version: string; requestId?: string }): Promise<{ series: HealthSeriesPoint[] | null; jiraIssues: JiraWorkItem[] | null; jiraError: string | null }> {
  const [sentry, jira] = await Promise.all([getSentryConfig({ orgId, requestId }), getJiraConfig({ orgId, requestId })]);
  const series = sentry
    ? await readThrough({ orgId, key: `sentry:release-series:${version}`, ttlMs: TTL_MS, load: () => releaseSessionSeries(sentry, version) })
        .then((c) => healthSeries(c.value))
        .catch(() => null)
    : null;
  if (!jira) return { series, jiraIssues: null, jiraError: "Jira is not connected." };
  try {
    const escaped = version.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
    const issues = await readThrough({ orgId, key: `jira:fix-version:${version}`, ttlMs: TTL_MS, load: () => searchWorkItems(jira, `fixVersion = "${escaped}" ORDER BY key ASC`, null) });
    return { series, jiraIssues: issues.value, jiraError: null };
  } catch (error) {
    return { series, jiraIssues: null, jiraError: error instanceof Error ? error.message : String(error) };
  }
}
