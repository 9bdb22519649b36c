import "server-only";
import type { OpenIssue } from "@/lib/domain/forecast";
import { readCacheEntry } from "@/lib/db/queries/cache";
import { readThrough, type Cached } from "@/lib/platform/cache/read-through";
import type { JiraClientConfig } from "@/lib/integrations/jira";
import { TTL } from "@/lib/integrations/jira/reads";
import { searchTrackedIssues, type JiraTrackedIssue } from "@/lib/integrations/jira/tracked-issues";

/** A board project's open work, as the forecasts group it, and the fixVersions still unreleased. */
export type OpenWork = { issues: OpenIssue[]; unreleasedVersions: string[] };

export const openWorkKey = (boardId: number) => `jira:board:${boardId}:open-work`;

/** `project = "ACME"`: JQL string quoting, as Jira wants it. */
const jqlProject = (key: string) => `project = "${key.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** Pure: the tracked issues as open work; a version counts as unreleased when no issue sees it released. */
export function toOpenWork(issues: JiraTrackedIssue[]): OpenWork {
  const unreleased = new Set<string>();
  for (const issue of issues)
    for (const version of issue.fixVersions) if (!version.released) unreleased.add(version.name);
  return {
    issues: issues.map((i) => ({
      key: i.key,
      issueType: i.issueType,
      points: i.points,
      statusCategory: i.statusCategory,
      epic: i.epic,
      fixVersions: i.fixVersions.map((v) => v.name),
    })),
    unreleasedVersions: [...unreleased].sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
  };
}

/**
 * Every open issue of the board's project, in one JQL search, cached per org like the other issue reads: the
 * epics' and fixVersions' remaining work all come from it.
 */
export function readOpenWork({
  orgId,
  config,
  boardId,
  projectKey,
  pointsField,
  force,
}: {
  orgId: string;
  config: JiraClientConfig;
  boardId: number;
  projectKey: string;
  pointsField: string | null;
  force?: boolean;
}): Promise<Cached<OpenWork>> {
  return readThrough({
    orgId,
    key: openWorkKey(boardId),
    ttlMs: TTL.issues,
    force,
    load: async () =>
      toOpenWork(
        await searchTrackedIssues(
          config,
          `${jqlProject(projectKey)} AND statusCategory != Done ORDER BY Rank`,
          pointsField,
        ),
      ),
  });
}

/** The last open work read of this board, whatever its age (exports never go upstream); null before any. */
export async function readStoredOpenWork({ orgId, boardId }: { orgId: string; boardId: number }) {
  const entry = await readCacheEntry({ orgId, key: openWorkKey(boardId) });
  return entry?.changed ? { value: entry.value as OpenWork, fetchedAt: entry.fetchedAt } : null;
}
