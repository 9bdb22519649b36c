/**
 * Which failed writes are worth retrying, and when. Pure, so it is tested directly.
 * Rate limits, server errors, timeouts and network failures are transient; a
 * 4xx that is not 408/429 means the request itself is wrong and retrying won't help.
 */

const TRANSIENT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "EAI_AGAIN", "ENOTFOUND", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_SOCKET"]);

export type FailureShape = { status?: number; code?: string; name?: string; reason?: string; retryAfterSeconds?: number };

// IntegrationError (lib/errors.ts) already classifies its failure.
const TRANSIENT_REASONS = new Set(["rate_limited", "server_error", "unreachable", "timeout"]);

export function isTransient({ status, code, name, reason }: FailureShape): boolean {
  if (reason && TRANSIENT_REASONS.has(reason)) return true;
  if (status !== undefined) return status === 408 || status === 429 || status >= 500;
  if (code && TRANSIENT_CODES.has(code)) return true;
  return name === "AbortError" || name === "TimeoutError";
}

export const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/** Exponential backoff (1 s, 2 s, 4 s … capped at 5 min), never sooner than the service's Retry-After. */
export function nextAttemptDelayMs(attempts: number, retryAfterSeconds?: number): number {
  const exponential = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.max(exponential, (retryAfterSeconds ?? 0) * 1_000);
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
  const status = typeof e.status === "number" ? e.status : typeof e.response?.status === "number" ? e.response.status : undefined;
  const code = typeof e.code === "string" ? e.code : typeof e.cause?.code === "string" ? e.cause.code : undefined;
  const retryAfterHeader = e.response?.headers?.["retry-after"];
  const retryAfterSeconds = typeof e.retryAfterSeconds === "number" ? e.retryAfterSeconds : retryAfterHeader !== undefined && Number.isFinite(Number(retryAfterHeader)) ? Number(retryAfterHeader) : undefined;
  return {
    status,
    code,
    name: typeof e.name === "string" ? e.name : undefined,
    reason: typeof e.reason === "string" ? e.reason : undefined,
    retryAfterSeconds,
    message: typeof e.message === "string" && e.message ? e.message : String(error),
  };
}
