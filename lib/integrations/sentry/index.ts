import "server-only";

export { testSentryConnection } from "./connection";
export {
  findExternalIssueLink,
  findInstallationUuid,
  getIssueLastRelease,
  linkExternalIssue,
  listIssues,
  listProjectSlugs,
  listReleaseSessions,
  updateIssues,
} from "./issues";
export { errorSeries, type ErrorSeries } from "./stats";
export { listReleases, releaseSessionSeries, type SentryRelease } from "./releases";
export type { ExternalIssueLink } from "./issues";
export type {
  SentryClientConfig,
  SentryConnectionFailureReason,
  SentryConnectionResult,
  SentryIssueSummary,
  SentryIssueUpdate,
  SentryLevel,
  SentryReleaseSessions,
} from "./types";
