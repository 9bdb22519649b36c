import "server-only";

export { testSentryConnection } from "./connection";
export { findInstallationUuid, linkExternalIssue, listIssues, listReleaseSessions, updateIssues } from "./issues";
export type {
  SentryClientConfig,
  SentryConnectionFailureReason,
  SentryConnectionResult,
  SentryIssueSummary,
  SentryIssueUpdate,
  SentryLevel,
  SentryReleaseSessions,
} from "./types";
