/**
 * Which failed writes are worth retrying, and when. Pure, so it is tested directly.
 * Rate limits, server errors, timeouts and network failures are transient, and so
 * are 409 and 423 (a conflicting or locked resource frees up); any other 4xx means
 * the request itself is wrong and retrying won't help.
 */

const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ECONNABORTED",
  "EAI_AGAIN",
  "ENOTFOUND",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

export type FailureShape = {
  status?: number;
  code?: string;
  name?: string;
  reason?: string;
  retryAfterSeconds?: number;
};

const RETRYABLE_4XX = new Set([408, 409, 423, 429]);

// IntegrationError (lib/errors.ts) already classifies its failure.
const TRANSIENT_REASONS = new Set(["rate_limited", "server_error", "unreachable", "timeout"]);

export function isTransient({ status, code, name, reason }: FailureShape): boolean {
  if (reason && TRANSIENT_REASONS.has(reason)) return true;
  if (status !== undefined) return RETRYABLE_4XX.has(status) || status >= 500;
  if (code && TRANSIENT_CODES.has(code)) return true;
  return name === "AbortError" || name === "TimeoutError";
}

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/** Exponential backoff (1 s, 2 s, 4 s … capped at 5 min), never sooner than the service's Retry-After. Used by the job queue. */
export function nextAttemptDelayMs(attempts: number, retryAfterSeconds?: number): number {
  const exponential = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.max(exponential, (retryAfterSeconds ?? 0) * 1_000);
}

/** How long an outbound write keeps being retried, counted from when it was recorded or a person last retried it. */
export const DEFAULT_RETRY_HOURS = 24;
export const MIN_RETRY_HOURS = 1;
export const MAX_RETRY_HOURS = 168;
/** The longest wait between two tries of an outbound write (a Retry-After may ask for longer). */
export const MAX_WRITE_DELAY_MS = 15 * 60_000;

/**
 * The wait before the next try: exponential in the number of tries, capped, with
 * full jitter above a one-second floor so writes queued by one outage do not all
 * come back in the same instant. `random` returns a number in [0, 1).
 */
export function writeBackoffMs(attempts: number, random: () => number): number {
  // Past 2^20 s the cap has long applied; a bounded exponent keeps the arithmetic finite.
  const ceiling = Math.min(BASE_DELAY_MS * 2 ** Math.min(Math.max(0, attempts - 1), 20), MAX_WRITE_DELAY_MS);
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.round(BASE_DELAY_MS + draw * (ceiling - BASE_DELAY_MS));
}

/**
 * When a write's retry window opened: when it was recorded, or — once a person
 * has retried it after it failed — that retry, so a write given up on after a
 * day-long outage gets a whole window again instead of failing at its first try.
 */
export function retryWindowOpenedAt({ createdAt, retriedAt }: { createdAt: Date; retriedAt: Date | null }): Date {
  return retriedAt ?? createdAt;
}

export type RetryDecision = { retry: true; retryAt: Date } | { retry: false; reason: string };

/**
 * What to do with a write whose latest try failed. A request the service rejected
 * fails at once with its reason; a transient failure is retried until the write
 * is `retryHours` old (not after a number of tries, so a long outage only delays it),
 * never sooner than Retry-After.
 */
export function decideRetry({
  failure,
  message,
  attempts,
  recordedAt,
  now,
  retryHours = DEFAULT_RETRY_HOURS,
  random,
}: {
  failure: FailureShape;
  /** The upstream's reason for the latest failure. */
  message: string;
  /** Tries so far, the failed one included. */
  attempts: number;
  /** When the retry window opened (see retryWindowOpenedAt). */
  recordedAt: Date;
  now: Date;
  retryHours?: number;
  random: () => number;
}): RetryDecision {
  if (!isTransient(failure)) return { retry: false, reason: message };
  const deadline = recordedAt.getTime() + retryHours * 3_600_000;
  const givenUp = { retry: false as const, reason: `gave up after ${retryHours} h of retries: ${message}` };
  if (now.getTime() >= deadline) return givenUp;
  const retryAfterMs = (failure.retryAfterSeconds ?? 0) * 1_000;
  // The service itself says it will not be ready before the deadline.
  if (now.getTime() + retryAfterMs > deadline) return givenUp;
  const delayMs = Math.max(writeBackoffMs(attempts, random), retryAfterMs);
  // One last try at the deadline rather than none after it.
  return { retry: true, retryAt: new Date(Math.min(now.getTime() + delayMs, deadline)) };
}

/**
 * The network code under a chain of wrappers: fetch puts it one cause down, and the
 * WorkOS SDK wraps fetch's error once more ("Unexpected error: TypeError: fetch failed").
 */
function causeCode(cause: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof cause !== "object" || cause === null) return undefined;
  const { code, cause: next } = cause as { code?: unknown; cause?: unknown };
  return typeof code === "string" ? code : causeCode(next, depth + 1);
}

/** Reads status, code and Retry-After off the error shapes our SDKs throw (jira.js/axios, WorkOS, fetch). */
export function describeFailure(error: unknown): FailureShape & { message: string } {
  const e = (error ?? {}) as {
    status?: unknown;
    code?: unknown;
    name?: unknown;
    message?: unknown;
    retryAfterSeconds?: unknown;
    reason?: unknown;
    response?: { status?: unknown; headers?: Record<string, unknown> };
    cause?: { code?: unknown };
  };
  const status =
    typeof e.status === "number" ? e.status : typeof e.response?.status === "number" ? e.response.status : undefined;
  const code = typeof e.code === "string" ? e.code : causeCode(e.cause);
  const retryAfterHeader = e.response?.headers?.["retry-after"];
  const retryAfterSeconds =
    typeof e.retryAfterSeconds === "number"
      ? e.retryAfterSeconds
      : retryAfterHeader !== undefined && Number.isFinite(Number(retryAfterHeader))
        ? Number(retryAfterHeader)
        : undefined;
  return {
    status,
    code,
    name: typeof e.name === "string" ? e.name : undefined,
    reason: typeof e.reason === "string" ? e.reason : undefined,
    retryAfterSeconds,
    message: typeof e.message === "string" && e.message ? e.message : String(error),
  };
}
