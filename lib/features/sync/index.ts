/*
 * Two-way sync of linked Sentry issues and Jira tickets: status, assignee, comments and regressions,
 * and merged pull requests that say "Fixes WEB-G". The rules are in lib/domain/sync; every write goes
 * through the outbox and every decision is recorded as SyncActivity for the automations page.
 */
export type { SyncResult } from "@/lib/domain/sync";
export { syncFromJiraEvent, type SyncFromJiraInput } from "./from-jira";
export { syncFromSentryEvent, type SyncFromSentryInput } from "./from-sentry";
export { syncFromPullRequest, type SyncFromPullRequestInput } from "./from-pull-request";
export { getSyncSettings, saveSyncSettings } from "./settings";
export { loadSyncActivity, type SyncActivityRow } from "./load-activity";
export { deliveryEventSchema } from "./event-schema";
