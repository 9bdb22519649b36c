/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { unknownEnvironmentMessage } from "./environment-filter";
export { invalidateErrors, loadErrorsPage, type ClassifiedIssue, type ErrorFilters, type Period } from "./load";
export { loadErrorsView, type ErrorsView } from "./load-view";
export { getSeveritySettings } from "./severity-settings";
export { TRIAGE_ACTIONS, triageSentryIssues } from "./triage";
export type { ErrorSeries } from "@/lib/integrations/sentry";
