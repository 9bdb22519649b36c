import "server-only";
import type { Bug } from "@/lib/domain/quality";
import { readCacheEntry } from "@/lib/db/queries/cache";
import { readThrough, type Cached } from "@/lib/platform/cache/read-through";
import type { JiraClientConfig } from "@/lib/integrations/jira";
import { searchTrackedIssues, type JiraTrackedIssue } from "@/lib/integrations/jira/tracked-issues";

/** How far back the quality figures look. */
export const QUALITY_WINDOW_DAYS = 180;
export const BUGS_KEY = `jira:bugs:${QUALITY_WINDOW_DAYS}d`;
/** Bugs change often, but the figures are about weeks: ten minutes old is fresh enough. */
const BUGS_TTL_MS = 10 * 60_000;

/** A bug as the cache keeps it: dates as ISO text. */
export type StoredBug = { key: string; created: string; resolvedAt: string | null };

export const BUGS_JQL = `issuetype = Bug AND (created >= -${QUALITY_WINDOW_DAYS}d OR resolved >= -${QUALITY_WINDOW_DAYS}d) ORDER BY created ASC`;

/** Pure: the search's bugs as the cache keeps them; one without a created time cannot be placed and is left out. */
export function toStoredBugs(issues: JiraTrackedIssue[]): StoredBug[] {
  return issues
    .filter((issue) => issue.created !== null)
    .map((issue) => ({ key: issue.key, created: issue.created!, resolvedAt: issue.resolvedAt }));
}

export const toBugs = (stored: StoredBug[]): Bug[] =>
  stored.map((bug) => ({
    key: bug.key,
    created: new Date(bug.created),
    resolvedAt: bug.resolvedAt ? new Date(bug.resolvedAt) : null,
  }));

/** Every bug filed or resolved in the window across the Jira site: one JQL search, cached per org. */
export function readBugs({
  orgId,
  config,
  force,
}: {
  orgId: string;
  config: JiraClientConfig;
  force?: boolean;
}): Promise<Cached<StoredBug[]>> {
  return readThrough({
    orgId,
    key: BUGS_KEY,
    ttlMs: BUGS_TTL_MS,
    force,
    load: async () => toStoredBugs(await searchTrackedIssues(config, BUGS_JQL, null)),
  });
}

/** The last bug read, whatever its age (exports never go upstream); null before any. */
export async function readStoredBugs({ orgId }: { orgId: string }) {
  const entry = await readCacheEntry({ orgId, key: BUGS_KEY });
  return entry?.changed ? { value: entry.value as StoredBug[], fetchedAt: entry.fetchedAt } : null;
}
