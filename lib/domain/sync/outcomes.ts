/**
 * What one sync decision came to. Every decision is recorded as SyncActivity with one of these
 * outcomes, so the run log can say why something did (or did not) happen.
 */
export type SyncOutcome = "applied" | "skipped" | "echo" | "conflict" | "unmatched" | "failed";

export type SyncDirection = "jira_to_sentry" | "sentry_to_jira" | "github_to_sentry";

export type SyncResult = {
  direction: SyncDirection;
  field: string;
  outcome: SyncOutcome;
  /** What happened, in words for the run log. */
  summary: string;
  /** The outbox intent of the write made, if any. */
  intentId: string | null;
};
