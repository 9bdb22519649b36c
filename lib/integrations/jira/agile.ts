import "server-only";
import { toBoard, toSprint, toWorkItem, workItemFields } from "./agile-transform";
import { callJira, createJiraClients } from "./client";
import type { JiraBoard, JiraClientConfig, JiraSprint, JiraSprintState, JiraWorkItem } from "./types";

/**
 * Reads for sprint capacity and planning, with the fewest requests: pages of 50
 * (Agile lists) or 100 (searches), only the fields Bosun uses, and the board's
 * own estimation field rather than a guessed story-points id.
 */
const notNull = <T>(value: T | null): value is T => value !== null;

export async function listBoards(config: JiraClientConfig): Promise<JiraBoard[]> {
  const { agile } = createJiraClients(config);
  const boards: JiraBoard[] = [];
  for (let startAt = 0; ; startAt += 50) {
    const page = await callJira(() => agile.board.getAllBoards({ startAt, maxResults: 50, type: "scrum" }));
    boards.push(...(page.values ?? []).map(toBoard).filter(notNull));
    if (page.isLast !== false || (page.values ?? []).length === 0) return boards;
  }
}

/** The field a board estimates in (story points), from its configuration. */
export async function getEstimationField(config: JiraClientConfig, boardId: number): Promise<string | null> {
  const { agile } = createJiraClients(config);
  const configuration = await callJira(() => agile.board.getConfiguration({ boardId }));
  const estimation = configuration.estimation as { type?: string; field?: { fieldId?: string } } | undefined;
  return estimation?.type === "field" ? (estimation.field?.fieldId ?? null) : null;
}

export async function listSprints(
  config: JiraClientConfig,
  boardId: number,
  states: JiraSprintState[] = ["active", "closed", "future"],
): Promise<JiraSprint[]> {
  const { agile } = createJiraClients(config);
  const sprints: JiraSprint[] = [];
  for (let startAt = 0; ; startAt += 50) {
    const page = await callJira(() =>
      agile.board.getAllSprints({ boardId, startAt, maxResults: 50, state: states.join(",") }),
    );
    sprints.push(...(page.values ?? []).map(toSprint).filter(notNull));
    if (page.isLast !== false || (page.values ?? []).length === 0) return sprints;
  }
}

/** Every issue matching a JQL query, through the enhanced search (token paging, 100 per page). */
export async function searchWorkItems(
  config: JiraClientConfig,
  jql: string,
  pointsField: string | null,
): Promise<JiraWorkItem[]> {
  const { v3 } = createJiraClients(config);
  const items: JiraWorkItem[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await callJira(() =>
      v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
        jql,
        fields: workItemFields(pointsField),
        maxResults: 100,
        nextPageToken,
      }),
    );
    items.push(...(page.issues ?? []).map((issue) => toWorkItem(issue, pointsField)).filter(notNull));
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken);
  return items;
}

/** The board's backlog in rank order (not done, not in an active or future sprint). */
export async function listBacklog(
  config: JiraClientConfig,
  boardId: number,
  pointsField: string | null,
): Promise<JiraWorkItem[]> {
  const { agile } = createJiraClients(config);
  const items: JiraWorkItem[] = [];
  for (let startAt = 0; ; startAt += 100) {
    const page = await callJira(() =>
      agile.board.getIssuesForBacklog({ boardId, startAt, maxResults: 100, fields: workItemFields(pointsField) }),
    );
    const issues = page.issues ?? [];
    items.push(...issues.map((issue) => toWorkItem(issue, pointsField)).filter(notNull));
    if (issues.length < 100 || startAt + issues.length >= (page.total ?? 0)) return items;
  }
}
