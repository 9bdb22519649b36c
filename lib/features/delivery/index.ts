export { backfillDeliveryHistory, type BackfillResult } from "./backfill";
export {
  DELIVERY_HISTORY_QUEUE,
  HISTORY_DAYS,
  INCIDENT_ENVIRONMENT,
  SENTRY_DEPLOYS_SOURCE,
  SENTRY_NOT_CONNECTED,
} from "./constants";
export { deliveryHistoryJob, ensureDeliveryHistory, scheduleDeliveryHistory, type HistoryState } from "./history-job";
export {
  recordCriticalIssue,
  recordIncident,
  recordReleaseRegressions,
  recordRollbackGate,
  resolveCriticalIssue,
  type IncidentInput,
} from "./incidents";
export { DORA_WINDOWS, loadDoraPage, parseDoraFilters, type DoraFilters, type DoraPage } from "./load";
export { recordPullRequest, recordPullRequestFromDelivery, type PullRequestInput } from "./pull-requests";
export { doraTables } from "./tables";
export { recordDeliveryFacts } from "./webhook-facts";
