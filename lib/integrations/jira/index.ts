import "server-only";

export { testJiraConnection } from "./connection";
export { assignIssue, listOpenIssuesAssignedTo } from "./issues";
export type { JiraAccount, JiraClientConfig, JiraConnectionFailureReason, JiraConnectionResult, JiraIssueSummary, JiraSiteInfo } from "./types";
