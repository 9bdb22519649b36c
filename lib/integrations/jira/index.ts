import "server-only";

export { getEstimationField, listBacklog, listBoards, listSprints, searchWorkItems } from "./agile";
export { testJiraConnection } from "./connection";
export { assignIssue, listOpenIssuesAssignedTo } from "./issues";
export { MOVE_BATCH, ensureSprint, moveIssuesToSprint } from "./sprint-writes";
export type {
  JiraAccount,
  JiraBoard,
  JiraClientConfig,
  JiraConnectionFailureReason,
  JiraConnectionResult,
  JiraIssueSummary,
  JiraSiteInfo,
  JiraSprint,
  JiraSprintState,
  JiraWorkItem,
  StatusCategory,
} from "./types";
