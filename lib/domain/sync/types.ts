import type { SyncDirection, SyncOutcome } from "./outcomes";
import type { SyncSettings } from "./settings";

/** The facts the sync rules decide on, gathered by the caller. Pure data. */

export type Service = "jira" | "sentry";

/** A Sentry issue and the Jira ticket Bosun linked it to (TicketLink). */
export type LinkedPair = { linkId: string; jiraIssueKey: string; sentryIssueId: string; sentryShortId: string | null };

/** A change Bosun made itself and expects to hear back about. */
export type Echo = { id: string; service: Service; objectId: string; field: string; value: string; expiresAt: Date };
export type EchoInput = Omit<Echo, "id" | "expiresAt">;

/** The last value each side reported for one field of a pair, and when. */
export type FieldState = {
  jiraValue: string | null;
  jiraChangedAt: Date | null;
  sentryValue: string | null;
  sentryChangedAt: Date | null;
};

/** A Bosun member as the assignee sync sees them. */
export type SyncPerson = { name: string; email: string; jiraAccountId: string | null };

export type ConflictRecord = {
  jira: { value: string | null; at: string | null };
  sentry: { value: string | null; at: string | null };
  winner: Service;
};

/** The write a decision asks for; the feature turns it into an outbox operation. */
export type SyncWrite =
  | { kind: "sentry.status"; issueId: string; status: "resolved" | "unresolved"; inNextRelease: boolean }
  | { kind: "sentry.assign"; issueId: string; email: string | null }
  | { kind: "jira.forward"; issueKey: string; target: string; order: string[] }
  | { kind: "jira.back"; issueKey: string; target: string; order: string[] }
  | { kind: "jira.comment"; issueKey: string; text: string }
  | { kind: "jira.assign"; issueKey: string; accountId: string | null };

export type SyncDecision = {
  direction: SyncDirection;
  /** status, assignee, comment, regression, archive or resolve-by-commit. */
  field: string;
  /** What happened on the side the event came from, in one line. */
  trigger: string;
  /** "applied" means: make `write`; the feature records what the write came to. */
  outcome: SyncOutcome;
  detail: string | null;
  write: SyncWrite | null;
  /** Recorded before the write, so the webhook the write causes is recognised as Bosun's own. */
  echo: EchoInput | null;
  /** An echo this event answers; it is used up. */
  matchedEchoId: string | null;
  /**
   * Echoes of the same field this genuine change outdates: the webhook they wait for may never come (a
   * service can send the same body twice, which intake records once), and left alone one would swallow a
   * person's later change to that value.
   */
  staleEchoIds: string[];
  /** The value the event's side now has (and, for an applied write, the other side too). */
  observed: { side: Service; value: string; at: Date; propagated: boolean } | null;
  conflict: ConflictRecord | null;
};

/** What every sync decision looks at besides the change itself. */
export type SyncContext = {
  pair: LinkedPair;
  settings: SyncSettings;
  echoes: readonly Echo[];
  states: Partial<Record<string, FieldState>>;
  people: readonly SyncPerson[];
  now: Date;
};
