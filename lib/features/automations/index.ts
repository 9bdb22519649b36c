/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { loadAutomationRunLog, loadAutomationsPage, type AutomationsPageData, type AutomationWrite, type DeadJob, type RunLogEntry, type WebhookDeliveryRow } from "./load-page";
export { parseRunStatus, RUN_STATUSES, type RuleKindOption, type RuleView, type RunStatusFilter } from "./views";
export { previewRule, type PreviewRow } from "./preview";
export { JOB_HANDLERS } from "./handlers";
export { scheduleReleaseHealthChecks } from "./release-health";
export { RETRY_RUN_QUEUE } from "./retry-run";
