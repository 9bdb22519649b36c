export { extractFixedShortIds } from "./commit-message";
export { decideFromJira, type FromJiraInput, type JiraIssueEvent } from "./from-jira";
export { decideFromSentry, type FromSentryInput, type SentryChange } from "./from-sentry";
export { CLOSED, ECHO_TTL_MS, OPEN, checkConflict, findEcho, normaliseValue } from "./guards";
export type { SyncDirection, SyncOutcome, SyncResult } from "./outcomes";
export {
  DEFAULT_SYNC_SETTINGS,
  SYNC_SETTINGS_KEY,
  doneStatus,
  firstStatus,
  readSyncSettings,
  syncSettingsInputSchema,
  type SyncSettings,
} from "./settings";
export type * from "./types";
