/**
 * Removes personal data and secrets from an error event before it leaves the
 * process: e-mail addresses, bearer/basic credentials, API tokens, cookies and
 * authorization headers. Used as Sentry's beforeSend on client, server and edge.
 */

export const REDACTED = "[redacted]";

const SENSITIVE_KEY =
  /^(authorization|proxy-authorization|cookie|cookies|set-cookie|x-api-key|api[-_]?key|apitoken|api[-_]?token|access[-_]?token|refresh[-_]?token|id[-_]?token|token|password|passwd|secret|client[-_]?secret|code[-_]?verifier|session|wos-session|x-workos-session|private[-_]?key|encryptedcredentials)$/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// Long opaque secrets with well-known prefixes (WorkOS keys, GitHub tokens, Atlassian tokens, sealed cookies).
const KNOWN_TOKEN =
  /\b(sk_(live|test)_[A-Za-z0-9_]+|gh[pousr]_[A-Za-z0-9]{20,}|ATATT[A-Za-z0-9_=-]{20,}|Fe26\.2\*[^\s"']+)/g;

function scrubString(value: string): string {
  return value.replace(AUTH_SCHEME, `$1 ${REDACTED}`).replace(KNOWN_TOKEN, REDACTED).replace(EMAIL, REDACTED);
}

export function scrubValue(value: unknown, depth = 0): unknown {
  if (depth > 12) return value;
  if (typeof value === "string") return scrubString(value);
  if (Array.isArray(value)) {
    // Header lists arrive as [name, value] pairs.
    if (value.length === 2 && typeof value[0] === "string" && SENSITIVE_KEY.test(value[0])) return [value[0], REDACTED];
    return value.map((item) => scrubValue(item, depth + 1));
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SENSITIVE_KEY.test(key) ? REDACTED : scrubValue(inner, depth + 1);
    }
    return out;
  }
  return value;
}

type ScrubbableEvent = {
  user?: { id?: string | number; email?: string; ip_address?: string; username?: string; [key: string]: unknown };
  request?: { cookies?: unknown; headers?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
};

/** Scrubs an event in place-safe fashion: returns a new event, keeping user.id for grouping by user. */
export function scrubEvent<T extends ScrubbableEvent>(event: T): T {
  const { user, request, ...rest } = event;
  const scrubbed = scrubValue(rest) as T;
  if (request) {
    const { cookies: _cookies, ...requestRest } = request;
    scrubbed.request = scrubValue(requestRest) as T["request"];
  }
  if (user) scrubbed.user = user.id === undefined ? undefined : { id: user.id };
  return scrubbed;
}
