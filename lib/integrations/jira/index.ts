import "server-only";

export { getEstimationField, listBacklog, listBoards, listSprints, searchWorkItems } from "./agile";
export { testJiraConnection } from "./connection";
export {
  addRemoteLink,
  assignIssue,
  createIssue,
  createIssuesBulk,
  listIssueTypes,
  listOpenIssuesAssignedTo,
  type BulkIssue,
  type BulkResult,
  type NewIssue,
} from "./issues";
export { createIssueOnce, createIssuesBulkOnce, findIssuesByMarker } from "./idempotent-create";
export { addCommentOnce, transitionForward, type TransitionResult } from "./workflow";
export { findVersionsNamed, releaseVersion, type JiraVersion } from "./versions";
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
