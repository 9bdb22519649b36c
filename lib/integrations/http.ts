import "server-only";
import type { IntegrationFailureReason } from "@/lib/errors";

/** HTTP facts every integration interprets the same way, whatever the vendor. */

export function reasonForStatus(status: number): IntegrationFailureReason {
  if (status === 400 || status === 422) return "bad_request";
  if (status === 401) return "bad_credentials";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "unexpected";
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ECONNABORTED", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

export type TransportFailure = { reason: "unreachable" | "timeout"; code: string };

/**
 * Recognises a request that never got an HTTP answer. axios puts the socket's
 * code on the error itself, fetch hides it in `cause`, and Node's dual-stack
 * connect wraps one per address in an AggregateError, so all three are searched.
 */
export function classifyTransportError(error: unknown): TransportFailure | null {
  // AbortSignal.timeout() rejects with a DOMException named TimeoutError.
  if (error instanceof Error && error.name === "TimeoutError") return { reason: "timeout", code: "TimeoutError" };
  const codes = errorCodes(error, 0);
  const timeout = codes.find((code) => TIMEOUT_CODES.has(code));
  if (timeout) return { reason: "timeout", code: timeout };
  const unreachable = codes.find((code) => UNREACHABLE_CODES.has(code));
  return unreachable ? { reason: "unreachable", code: unreachable } : null;
}

function errorCodes(error: unknown, depth: number): string[] {
  if (depth > 4 || typeof error !== "object" || error === null) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  return [
    ...(typeof code === "string" ? [code] : []),
    ...errorCodes(cause, depth + 1),
    ...(Array.isArray(errors) ? errors.flatMap((inner) => errorCodes(inner, depth + 1)) : []),
  ];
}

/** `Retry-After` as seconds; it may also be an HTTP date, measured from `now`. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds) : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export function isWebAddress(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** "10 s", "0.3 s": how long a client waited, for messages. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
