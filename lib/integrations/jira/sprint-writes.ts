import "server-only";
import { toSprint } from "./agile-transform";
import { listSprints } from "./agile";
import { callJira, createJiraClients } from "./client";
import type { JiraClientConfig, JiraSprint } from "./types";

/** Jira allows at most 50 issues per "move to sprint" request. */
export const MOVE_BATCH = 50;

/**
 * Creates a future sprint on a board, or returns the one that already has this
 * name there: a retried or repeated apply must not create a second sprint.
 */
export async function ensureSprint(
  config: JiraClientConfig,
  {
    boardId,
    name,
    startDate,
    endDate,
    goal,
  }: { boardId: number; name: string; startDate: string; endDate: string; goal: string },
): Promise<JiraSprint> {
  const existing = (await listSprints(config, boardId, ["future", "active"])).find((s) => s.name === name);
  if (existing) return existing;
  const { agile } = createJiraClients(config);
  const created = toSprint(
    await callJira(() =>
      agile.sprint.createSprint({ originBoardId: boardId, name, startDate, endDate, goal: goal || undefined }),
    ),
  );
  if (!created) throw new Error("Jira answered the sprint creation with something that is not a sprint");
  return created;
}

export async function moveIssuesToSprint(
  config: JiraClientConfig,
  sprintId: number,
  issueKeys: string[],
): Promise<void> {
  if (issueKeys.length > MOVE_BATCH)
    throw new RangeError(`At most ${MOVE_BATCH} issues per move, got ${issueKeys.length}`);
  const { agile } = createJiraClients(config);
  await callJira(() => agile.sprint.moveIssuesToSprintAndRank({ sprintId, issues: issueKeys }));
}
