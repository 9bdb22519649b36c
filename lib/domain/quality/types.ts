/** A window of time a quality row covers: a sprint (start to end) or a release (its first production deploy to the next). */
export type QualityPeriod = { id: string; label: string; start: Date; end: Date };

/** A Jira bug: when it was filed and, if it was, resolved. */
export type Bug = { key: string; created: Date; resolvedAt: Date | null };

/** A Sentry issue Bosun filed (or linked) a Jira ticket for, with what Bosun knows of its life. */
export type EscapedDefect = {
  sentryIssueId: string;
  jiraIssueKey: string;
  /** When the ticket was linked (Bosun records the link as it files the ticket). */
  linkedAt: Date;
  /** When Sentry first saw the issue, when Bosun's cached Sentry read still lists it. */
  firstSeen: Date | null;
  /** The release Sentry first saw it in, likewise. */
  firstRelease: string | null;
  /** The Jira ticket's resolution, from the bug search. */
  ticketResolvedAt: Date | null;
  /** The Sentry issue's resolution, as the two-way sync last recorded it. */
  sentryResolvedAt: Date | null;
};

/** A closed sprint's completed work, from its close snapshot; issueType is recorded only on newer snapshots. */
export type CompletedItem = { points: number | null; statusCategory: string; issueType?: string | null };
