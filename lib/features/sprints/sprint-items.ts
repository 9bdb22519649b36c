import "server-only";
import { readBoardSetup } from "@/lib/integrations/jira/reads";
import { searchWorkItems, type JiraClientConfig } from "@/lib/integrations/jira";

/**
 * A sprint's issues read from Jira now, with the board's estimation field.
 * The board's setup is refreshed, so pages that read it next see the sprint's
 * new state rather than a cached one.
 */
export async function readSprintItemsNow({
  orgId,
  config,
  boardId,
  sprintId,
}: {
  orgId: string;
  config: JiraClientConfig;
  boardId: number;
  sprintId: number;
}) {
  const setup = await readBoardSetup({ orgId, config, boardId, force: true });
  const { estimationField } = setup.value;
  const items = await searchWorkItems(config, `sprint = ${sprintId}`, estimationField);
  return { estimationField, items, sprints: setup.value.sprints };
}
