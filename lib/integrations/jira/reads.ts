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

/** Reads of issues: `pointsField` is the board's estimation field, read into each item's points. */
type IssuesRead = Read & { pointsField: string | null };

/** Issues change often, so every read of them is cached for TTL.issues. */
function readIssues({ orgId, force }: Read, key: string, load: () => Promise<JiraWorkItem[]>) {
  return readThrough({ orgId, key, ttlMs: TTL.issues, force, load });
}

export function readSprintIssues(read: IssuesRead & { sprintId: number }): Promise<Cached<JiraWorkItem[]>> {
  const { config, sprintId, pointsField } = read;
  return readIssues(read, `jira:sprint:${sprintId}:issues`, () =>
    searchWorkItems(config, `sprint = ${sprintId} ORDER BY Rank`, pointsField),
  );
}

export function readBacklog(read: IssuesRead & { boardId: number }): Promise<Cached<JiraWorkItem[]>> {
  const { config, boardId, pointsField } = read;
  return readIssues(read, `jira:board:${boardId}:backlog`, () => listBacklog(config, boardId, pointsField));
}

/** Issues by key, e.g. the blockers of sprint work that sit outside the sprint (one search for all of them). */
export function readIssuesByKey(read: IssuesRead & { keys: string[] }): Promise<Cached<JiraWorkItem[]>> {
  const { config, keys, pointsField } = read;
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0)
    return Promise.resolve({ value: [], fetchedAt: new Date(), fromCache: true, stale: false, error: null });
  return readIssues(read, `jira:issues:${sorted.join(",")}`, () =>
    searchWorkItems(config, `key in (${sorted.join(",")})`, pointsField),
  );
}
