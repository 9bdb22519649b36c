/*
 * What jobs and other features use of this feature: Jira's webhook events,
 * applied to sprint snapshots, scope changes and the two-way sync.
 */
export { applyJiraEvent, type EventPartOutcome } from "./apply-event";
export { processJiraDelivery } from "./process-delivery";
export {
  jiraWebhookUrl,
  loadJiraWebhookPanel,
  registerJiraWebhook,
  type JiraWebhookPanel,
  type RegisterOutcome,
} from "./webhook-setup";
