/**
 * The Content-Security-Policy for one response. Scripts run only with the
 * per-request nonce (Next.js adds it to its own scripts), so injected inline
 * script cannot execute. Pure, so it is unit-tested.
 */
export type CspOptions = {
  nonce: string;
  isDevelopment: boolean;
  /** Origins the browser may send to (e.g. the Sentry DSN's host for error reports). */
  connectOrigins?: string[];
  /** Origins a form may submit or redirect to (e.g. the WorkOS sign-out page). */
  formActionOrigins?: string[];
  upgradeInsecureRequests?: boolean;
};

export function buildContentSecurityPolicy({
  nonce,
  isDevelopment,
  connectOrigins = [],
  formActionOrigins = [],
  upgradeInsecureRequests = false,
}: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic' lets nonce-trusted scripts load Next's chunks; dev needs eval for fast refresh.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDevelopment ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...connectOrigins, ...(isDevelopment ? ["ws:"] : [])],
    "form-action": ["'self'", ...formActionOrigins],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
    "worker-src": ["'self'", "blob:"],
  };
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${[...new Set(values)].join(" ")}`);
  if (upgradeInsecureRequests) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** 128 random bits, base64: a fresh nonce per request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of a URL, or null when it is not one (an unset DSN, say). */
export function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
