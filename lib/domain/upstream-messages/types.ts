/** The outside services whose answers Bosun shows to people. */
export type UpstreamService = "jira" | "sentry" | "workos" | "github";

/** Why a call failed; lib/integrations' IntegrationError carries one of these. */
export type UpstreamFailureReason =
  | "bad_request"
  | "bad_credentials"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "server_error"
  | "invalid_response"
  | "unreachable"
  /** Bosun refused to connect: the address is internal and not in BOSUN_ALLOWED_UPSTREAM_HOSTS. */
  | "blocked_address"
  | "timeout"
  | "unexpected";

/** A failed call as an IntegrationError (or a stored error text read back) describes it. */
export type UpstreamFailure = {
  service: UpstreamService;
  reason: UpstreamFailureReason;
  /** The technical text: what the service said, or why there was no answer. */
  message: string;
  status?: number;
  /** The network error code (ECONNREFUSED, TimeoutError…) or the service's own error code (invalid_role). */
  code?: string;
  retryAfterSeconds?: number;
  /** In a stored text, Bosun's words before the service's: what it was doing ("Create the bug"). */
  lead?: string;
};

/** What the caller knows that the error does not: which projects the org has, what was being done. */
export type UpstreamContext = {
  /** The org's Jira project keys, so "no such version" can say where Bosun looked. */
  jiraProjectKeys?: readonly string[];
  /** The Jira project the call was about. */
  projectKey?: string;
  issueKey?: string;
  boardId?: string | number;
  /** What the person was doing, for the headline: "file the bug", "load the release". */
  doing?: string;
};

/** An upstream failure in plain sentences: what happened, why, and what to do about it. */
export type UpstreamMessage = {
  title: string;
  detail: string;
  action: string;
};
