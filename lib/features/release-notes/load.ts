import "server-only";
import type { ReleaseNotesInput } from "@/lib/domain/release-notes";
import { getJiraConfig } from "@/lib/integrations/connections";
import type { JiraVersion } from "@/lib/integrations/jira";
import {
  loadReleaseDetail,
  readJiraVersionList,
  type VersionCheck,
  loadReleasesPage,
  readIssuesFirstSeenIn,
} from "@/lib/features/releases";
import type { VersionRead } from "@/lib/features/releases";
import { loadReleaseScorecards } from "@/lib/features/performance";
import { loadVersionForecast } from "@/lib/features/forecasts";

/**
 * Everything the release-notes generator needs for one release, from the
 * reads the release pages already cache: the Jira fixVersion's issues, the
 * Jira versions of that name (released or not), the Sentry release's health
 * with its scorecard against the previous release, and the issues first seen in it.
 */
export type ReleaseNotesSource = {
  input: ReleaseNotesInput;
  versions: JiraVersion[];
  jiraError: string | null;
  check: VersionCheck;
};

export async function readJiraVersions({
  orgId,
  version,
  requestId,
  force = false,
}: {
  orgId: string;
  version: string;
  requestId?: string;
  force?: boolean;
}): Promise<JiraVersion[]> {
  const jira = await getJiraConfig({ orgId, requestId });
  if (!jira) return [];
  // Filtered from the site's whole version list (one cache entry per org), so no name mints a cache key of its own.
  return (await readJiraVersionList({ orgId, config: jira, force })).filter((v) => v.name === version);
}

export async function loadReleaseNotesSource({ orgId, version, requestId }: VersionRead): Promise<ReleaseNotesSource> {
  const [jira, releases, detail, knownIssues, scorecards] = await Promise.all([
    getJiraConfig({ orgId, requestId }),
    loadReleasesPage({ orgId, requestId }),
    loadReleaseDetail({ orgId, version, requestId }),
    readIssuesFirstSeenIn({ orgId, version, requestId }).catch(() => null),
    // The notes stay writable without the scorecard: it is one section's extra lines.
    loadReleaseScorecards({ orgId, requestId }).catch(() => null),
  ]);
  const versions = jira ? await readJiraVersions({ orgId, version, requestId }).catch(() => []) : [];
  const release = releases.status === "ok" ? releases.releases.find((r) => r.version === version) : undefined;
  const released = versions.length > 0 ? versions.every((v) => v.released) : Boolean(release?.dateReleased);
  const releaseDate = versions.map((v) => v.releaseDate).find(Boolean) ?? release?.dateReleased?.slice(0, 10) ?? null;
  // The draft stays writable without a forecast: it is one line for the team.
  const forecast =
    !released && versions.length > 0
      ? await loadVersionForecast({ orgId, version, projectKeys: versions.map((v) => v.projectKey), requestId }).catch(
          () => null,
        )
      : null;
  return {
    versions,
    jiraError: detail.jiraError,
    check: detail.check,
    input: {
      version,
      released,
      releaseDate,
      jiraBrowseUrl: jira ? `${jira.siteUrl}/browse` : "",
      issues: (detail.jiraIssues ?? []).map((i) => ({
        key: i.key,
        summary: i.summary,
        type: i.issueType,
        statusName: i.status,
        statusCategory: i.statusCategory,
        labels: i.labels,
        components: i.components,
        epic: i.epic ? { key: i.epic.key, summary: i.epic.name } : null,
      })),
      health: release
        ? {
            crashFreeSessions: release.crashFreeSessions,
            crashFreeUsers: release.crashFreeUsers,
            adoption: release.adoptionPercent,
            sessions: release.totalSessions,
            scorecard: scorecards?.scorecards.find((s) => s.version === version) ?? null,
          }
        : null,
      knownIssues: (knownIssues ?? []).map((i) => ({
        shortId: i.shortId,
        title: i.title,
        permalink: i.permalink,
        users: i.userCount,
        events: i.eventCount,
      })),
      forecast,
    },
  };
}
