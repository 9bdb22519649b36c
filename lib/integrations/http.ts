import "server-only";

/** HTTP facts every integration interprets the same way, whatever the vendor. */

export { reasonForHttpStatus as reasonForStatus } from "@/lib/domain/upstream-messages";

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
const TIMEOUT_CODES = new Set([
  "ETIMEDOUT",
  "ECONNABORTED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

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

const MARKUP = /<\/?[a-z][^>]*>|<!--|<!doctype/i;
// Control characters and the bidi overrides that can make text read differently from what it says.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A service's own error text, made fit to show to members: plain text on one
 * line, at most `maxLength` characters. Null for markup, which is a web page
 * or a proxy's error page rather than the service's words, and may carry
 * whatever an internal server puts in it.
 */
export function summarizeUpstreamText(text: string, maxLength = 200): string | null {
  if (MARKUP.test(text)) return null;
  const plain = text.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  if (plain === "") return null;
  return plain.length > maxLength ? `${plain.slice(0, maxLength - 1).trimEnd()}…` : plain;
}

/** How a 3xx reads in messages; where it pointed is left out on purpose. */
export const REDIRECT_NOT_FOLLOWED = "a redirect, which Bosun does not follow";

export function isRedirect(status: number | undefined): boolean {
  return status !== undefined && status >= 300 && status < 400;
}

export function isWebAddress(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** The most Bosun reads of one answer from Jira or Sentry; their largest pages are a few hundred kB. */
export const UPSTREAM_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** "10 MB", for messages about size limits. */
export function formatMegabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

/** "10 s", "0.3 s": how long a client waited, for messages. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
