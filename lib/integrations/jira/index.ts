import "server-only";

export { testJiraConnection } from "./connection";
export type { JiraAccount, JiraClientConfig, JiraConnectionFailureReason, JiraConnectionResult, JiraSiteInfo } from "./types";
