/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { describeTicketRetry } from "./describe-ticket-retry";
export { ticketForListedSentryIssue } from "./from-errors-list";
export { loadNewFeaturePage } from "./new-feature-page";
export {
  type CreatedIssue,
  type CreationResult,
  type CreationStep,
  creationSteps,
  findTicketsPreview,
  previewTickets,
  runCreationStep,
  type TicketsPreview,
} from "./requirements";
export { resendFailedCreationStep } from "./resend-failed-step";
export { retrySentryTicket } from "./retry-sentry-ticket";
export { getTicketRouting, routingSchema, saveTicketRouting, type TicketRouting } from "./routing";
export { ticketForSentryIssue, type TicketOutcome } from "./sentry-to-jira";
