/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export {
  loadAutomationRunLog,
  loadAutomationsPage,
  type AutomationWrite,
  type DeliveryOrder,
  type RunLogEntry,
  type RunOrder,
  type SyncActivityOrder,
} from "./load-page";
export { parseRunStatus, type RuleView, type RunStatusFilter } from "./views";
export { previewRule, type PreviewRow } from "./preview";
export { JOB_HANDLERS } from "./handlers";
export { scheduleReleaseHealthChecks } from "./release-health";
export { RETRY_RUN_QUEUE } from "./retry-run";
export {
  deleteAutomationRule,
  previewAutomationRule,
  retryAutomationRun,
  ruleEnabledSchema,
  ruleFieldsSchema,
  ruleIdSchema,
  rulePreviewSchema,
  runIdSchema,
  saveAutomationRule,
  setAutomationRuleEnabled,
} from "./rule-edits";
