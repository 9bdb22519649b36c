import "server-only";

/** How Bosun reaches one Sentry organization: the connection's config plus its sealed auth token. */
export type SentryClientConfig = {
  /** e.g. https://sentry.io, https://de.sentry.io or a self-hosted address; the API lives under /api/0/. */
  baseUrl: string;
  organizationSlug: string;
  authToken: string;
  /** Sent as x-request-id, so a Bosun request can be traced into upstream calls. */
  requestId?: string;
  timeoutMs?: number;
};

/** Repeated keys become repeated parameters (`project=1&project=2`), as Sentry expects. */
export type SentryQuery = Record<string, string | number | boolean | undefined | readonly (string | number)[]>;

/** Cursors from Sentry's `Link` header, present only when following them returns results. */
export type SentryCursors = { next: string | null; previous: string | null };

export type SentryResponse<T> = { data: T; cursors: SentryCursors };

export type SentryConnectionFailureReason =
  | "bad_credentials"
  | "forbidden"
  | "wrong_organization"
  | "unreachable"
  | "blocked_address"
  | "timeout"
  | "rate_limited"
  | "unexpected";

export type SentryConnectionResult =
  | { ok: true; organization: { slug: string }; projectCount: number }
  | { ok: false; reason: SentryConnectionFailureReason; message: string; status?: number };

export type SentryLevel = "fatal" | "error" | "warning" | "info" | "debug" | "sample";

/** A Sentry issue as Bosun's error pages use it. */
export type SentryIssueSummary = {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  level: SentryLevel;
  status: string;
  substatus: string | null;
  permalink: string;
  project: { id: string; slug: string };
  eventCount: number;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  firstReleaseVersion: string | null;
  assignee: { type: "user" | "team"; id: string; name: string; email: string | null } | null;
  isUnhandled: boolean;
};

export type SentryIssueUpdate = {
  status?: "resolved" | "unresolved" | "ignored" | "resolvedInNextRelease";
  statusDetails?: { inNextRelease?: boolean };
  /** With status "ignored": how long it stays archived (Sentry's "archive until escalating" is `archived_until_escalating`). */
  substatus?: "archived_until_escalating" | "archived_forever";
  assignedTo?: string | null;
};

/** Sessions per release over a period, from the sessions API. */
export type SentryReleaseSessions = {
  version: string;
  totalSessions: number;
  crashedSessions: number;
  totalUsers: number;
  crashFreeSessionRate: number | null;
  crashFreeUserRate: number | null;
};
