import "server-only";
import { readThrough, type Cached } from "@/lib/platform/cache/read-through";
import {
  getEstimationField,
  listBacklog,
  listBoards,
  listSprints,
  searchWorkItems,
  type JiraBoard,
  type JiraClientConfig,
  type JiraSprint,
  type JiraWorkItem,
} from "@/lib/integrations/jira";

/**
 * The Jira reads behind the sprint pages, each cached per org for as long as
 * its data is worth trusting: boards change rarely, sprints now and then,
 * issues often. A forced refresh skips the cache.
 */
export const TTL = { boards: 10 * 60_000, board: 5 * 60_000, issues: 2 * 60_000 } as const;

type Read = { orgId: string; config: JiraClientConfig; force?: boolean };

export function readBoards({ orgId, config, force }: Read): Promise<Cached<JiraBoard[]>> {
  return readThrough({ orgId, key: "jira:boards", ttlMs: TTL.boards, force, load: () => listBoards(config) });
}

export type BoardSetup = { estimationField: string | null; sprints: JiraSprint[] };

export function readBoardSetup({
  orgId,
  config,
  force,
  boardId,
}: Read & { boardId: number }): Promise<Cached<BoardSetup>> {
  return readThrough({
    orgId,
    key: `jira:board:${boardId}:setup`,
    ttlMs: TTL.board,
    force,
    load: async () => {
      const [estimationField, sprints] = await Promise.all([
        getEstimationField(config, boardId),
        listSprints(config, boardId),
      ]);
      return { estimationField, sprints };
    },
  });
}

export function readSprintIssues({
  orgId,
  config,
  force,
  sprintId,
  pointsField,
}: Read & { sprintId: number; pointsField: string | null }): Promise<Cached<JiraWorkItem[]>> {
  return readThrough({
    orgId,
    key: `jira:sprint:${sprintId}:issues`,
    ttlMs: TTL.issues,
    force,
    load: () => searchWorkItems(config, `sprint = ${sprintId} ORDER BY Rank`, pointsField),
  });
}

export function readBacklog({
  orgId,
  config,
  force,
  boardId,
  pointsField,
}: Read & { boardId: number; pointsField: string | null }): Promise<Cached<JiraWorkItem[]>> {
  return readThrough({
    orgId,
    key: `jira:board:${boardId}:backlog`,
    ttlMs: TTL.issues,
    force,
    load: () => listBacklog(config, boardId, pointsField),
  });
}

/** Issues by key, e.g. the blockers of sprint work that sit outside the sprint (one search for all of them). */
export function readIssuesByKey({
  orgId,
  config,
  force,
  keys,
  pointsField,
}: Read & { keys: string[]; pointsField: string | null }): Promise<Cached<JiraWorkItem[]>> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0)
    return Promise.resolve({ value: [], fetchedAt: new Date(), fromCache: true, stale: false, error: null });
  return readThrough({
    orgId,
    key: `jira:issues:${sorted.join(",")}`,
    ttlMs: TTL.issues,
    force,
    load: () => searchWorkItems(config, `key in (${sorted.join(",")})`, pointsField),
  });
}
