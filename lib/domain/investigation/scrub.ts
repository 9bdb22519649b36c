/**
 * Personal data out of text that leaves Bosun (Jira descriptions, e-mails,
 * agent answers). Sentry events carry what the SDK saw: user e-mails, client
 * IPs, headers with tokens and cookies, URLs with `token=` in the query. Each
 * is replaced by a marker that says what was there, so the text still reads.
 * Pure; the patterns err on the side of removing too much.
 */

export const SCRUBBED = {
  email: "[email]",
  ip: "[ip]",
  secret: "[redacted]",
} as const;

/** Header-like `Name: value` lines whose whole value is secret (to the end of the line). */
const SECRET_HEADER =
  /\b((?:proxy-)?authorization|set-cookie|cookie|x-api-key|x-auth-token|x-csrf-token|x-sentry-auth)(["']?\s*[:=]\s*["']?)[^\r\n"']+/gi;

/** `Bearer xyz`, `Basic xyz`, `Token xyz` outside a header line (e.g. quoted in a message). */
const AUTH_SCHEME = /\b(bearer|basic|token|digest)(\s+)[A-Za-z0-9._~+/=-]{6,}/gi;

/** `key=value` / `"key": "value"` pairs whose key names a credential or session. */
const SECRET_PAIR =
  /\b([A-Za-z0-9_-]*?(?:token|api[_-]?key|apikey|secret|password|passwd|pwd|session(?:id)?|sid|auth|signature|sig|credentials?|private[_-]?key|access[_-]?key)(?:s|id|_id|[_-][A-Za-z0-9_-]*)?)(["']?\s*[:=]\s*["']?)([^\s&"',;}\])]+)/gi;

/** Well-known credential shapes that need no key to be recognised. */
const KNOWN_TOKENS = [
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, // JWT
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, // GitHub
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, // Slack
  /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}\b/g, // Stripe-like
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS access key id
  /\bsntrys_[A-Za-z0-9+/=_-]{20,}/g, // Sentry org token
];

/**
 * user:password@ in URLs. Patterns that start with a run of characters begin
 * only where such a run begins (the lookbehinds), so a long hostile run costs
 * linear time, not quadratic.
 */
const URL_CREDENTIALS = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi;

const EMAIL =
  /(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+/g;
/** Same as EMAIL but percent-encoded `@` (as it appears in query strings). */
const ENCODED_EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+%40[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gi;

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d]|\\.\\d)`, "g");

/**
 * IPv6 candidates: runs of hex groups and colons with at least two colons. Each
 * candidate is checked by `isIpv6` so times (`12:30:45`) and plain words stay.
 */
const IPV6_CANDIDATE =
  /(?<![A-Za-z0-9:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?:%[A-Za-z0-9]+)?(?![A-Za-z0-9:.])/g;

function isIpv6(candidate: string): boolean {
  const address = candidate.replace(/%[A-Za-z0-9]+$/, "");
  const doubleColons = address.split("::").length - 1;
  if (doubleColons > 1) return false;
  const groups = address.split(":");
  const last = groups[groups.length - 1] ?? "";
  const hasV4Tail = last.includes(".");
  const hexGroups = groups.filter((g) => g !== "" && !g.includes("."));
  if (!hexGroups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const width = hexGroups.length + (hasV4Tail ? 2 : 0);
  if (doubleColons === 1) return width <= 7 && (address.includes("::") || width === 8);
  // Without "::" a full address has 8 groups; 3 colon-separated numbers are a time, not an address.
  return width === 8;
}

export function scrubPersonalData(text: string): string {
  if (!text) return text;
  let out = text;
  out = out.replace(URL_CREDENTIALS, `$1${SCRUBBED.secret}@`);
  out = out.replace(SECRET_HEADER, (_m, name: string, sep: string) => `${name}${sep}${SCRUBBED.secret}`);
  out = out.replace(AUTH_SCHEME, (_m, scheme: string, space: string) => `${scheme}${space}${SCRUBBED.secret}`);
  for (const pattern of KNOWN_TOKENS) out = out.replace(pattern, SCRUBBED.secret);
  out = out.replace(SECRET_PAIR, (match, key: string, sep: string, value: string) =>
    value === SCRUBBED.secret || value.startsWith("[") ? match : `${key}${sep}${SCRUBBED.secret}`,
  );
  out = out.replace(EMAIL, SCRUBBED.email);
  out = out.replace(ENCODED_EMAIL, SCRUBBED.email);
  out = out.replace(IPV6_CANDIDATE, (candidate) => (isIpv6(candidate) ? SCRUBBED.ip : candidate));
  out = out.replace(IPV4, SCRUBBED.ip);
  return out;
}

/** Scrubs every string inside a JSON-like value (object keys are kept). */
export function scrubDeep<T>(value: T): T {
  if (typeof value === "string") return scrubPersonalData(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubDeep(item)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v as unknown)])) as T;
  }
  return value;
}
