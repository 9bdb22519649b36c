/**
 * Fault injection for emulators: added latency, 429 and 5xx rates, hangs and
 * dropped responses. Rates are probabilities from 0 to 1; 1 means every
 * request. `pathPrefix` and `methods` limit every fault to part of the API
 * (e.g. POST under "/acme/rest/api/3/issue"), so reads can keep working.
 *
 * A dropped response is the outcome a client cannot tell apart from a lost
 * write: the request is applied in full, then the connection is reset
 * without an answer. `dropResponseCount` drops the next N matching responses
 * and then answers normally, for "fail the first attempts, then recover".
 */
export type Faults = {
  latencyMs: number;
  rateLimitRate: number;
  retryAfterSeconds: number;
  errorRate: number;
  errorStatus: number;
  hangRate: number;
  dropResponseRate: number;
  dropResponseCount: number;
  pathPrefix: string | null;
  methods: string[] | null;
};

const DEFAULT_FAULTS: Faults = {
  latencyMs: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  errorRate: 0,
  errorStatus: 503,
  hangRate: 0,
  dropResponseRate: 0,
  dropResponseCount: 0,
  pathPrefix: null,
  methods: null,
};

/** "drop": run the request, then reset the connection instead of answering. */
export type InjectedFault = { status: number; headers: Record<string, string>; body: string } | "hang" | "drop" | null;

export type FaultTarget = { method: string; path: string };

export type FaultController = {
  get(): Faults;
  set(patch: unknown): { ok: true } | { ok: false; error: string };
  clear(): void;
  apply(target: FaultTarget): Promise<InjectedFault>;
};

const RATE_KEYS = ["rateLimitRate", "errorRate", "hangRate", "dropResponseRate"] as const;
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const MAX_DROP_COUNT = 1_000_000;
const METHODS_ERROR = `methods must be null or a non-empty array of HTTP methods (${HTTP_METHODS.join(", ")})`;

type FieldResult<T> = { ok: true; value: T } | { ok: false; error: string };

function parseMethods(value: unknown): FieldResult<string[] | null> {
  if (value === null) return { ok: true, value: null };
  if (!Array.isArray(value) || value.length === 0) return { ok: false, error: METHODS_ERROR };
  const methods = value.map((m) => (typeof m === "string" ? m.toUpperCase() : ""));
  if (!methods.every((m) => HTTP_METHODS.includes(m))) return { ok: false, error: METHODS_ERROR };
  return { ok: true, value: [...new Set(methods)] };
}

function parseNumber(key: string, value: unknown): FieldResult<number> {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    return { ok: false, error: `${key} must be a non-negative number` };
  if ((RATE_KEYS as readonly string[]).includes(key) && value > 1)
    return { ok: false, error: `${key} must be between 0 and 1` };
  if (key === "errorStatus" && (value < 500 || value > 599))
    return { ok: false, error: "errorStatus must be a 5xx status" };
  if (key === "dropResponseCount" && (!Number.isInteger(value) || value > MAX_DROP_COUNT))
    return { ok: false, error: `dropResponseCount must be a whole number from 0 to ${MAX_DROP_COUNT}` };
  return { ok: true, value };
}

function parseField(key: string, value: unknown): FieldResult<unknown> {
  if (key === "pathPrefix") {
    return value === null || typeof value === "string"
      ? { ok: true, value }
      : { ok: false, error: "pathPrefix must be a string or null" };
  }
  if (key === "methods") return parseMethods(value);
  return parseNumber(key, value);
}

export function createFaultController(random: () => number = Math.random): FaultController {
  let faults: Faults = { ...DEFAULT_FAULTS };
  const matches = ({ method, path }: FaultTarget) =>
    (!faults.pathPrefix || path.startsWith(faults.pathPrefix)) &&
    (!faults.methods || faults.methods.includes(method.toUpperCase()));

  return {
    get: () => ({ ...faults, methods: faults.methods && [...faults.methods] }),
    clear: () => {
      faults = { ...DEFAULT_FAULTS };
    },
    set(patch) {
      if (typeof patch !== "object" || patch === null || Array.isArray(patch))
        return { ok: false, error: "body must be a JSON object" };
      const next: Faults = { ...faults };
      for (const [key, value] of Object.entries(patch)) {
        if (!(key in DEFAULT_FAULTS)) return { ok: false, error: `unknown fault '${key}'` };
        const parsed = parseField(key, value);
        if (!parsed.ok) return parsed;
        (next as Record<string, unknown>)[key] = parsed.value;
      }
      faults = next;
      return { ok: true };
    },
    async apply(target): Promise<InjectedFault> {
      if (!matches(target)) return null;
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      if (faults.hangRate > 0 && random() < faults.hangRate) return "hang";
      if (faults.rateLimitRate > 0 && random() < faults.rateLimitRate) {
        return {
          status: 429,
          headers: { "retry-after": String(faults.retryAfterSeconds) },
          body: "Rate limit exceeded",
        };
      }
      if (faults.errorRate > 0 && random() < faults.errorRate) {
        return { status: faults.errorStatus, headers: {}, body: "Service unavailable" };
      }
      if (faults.dropResponseCount > 0) {
        faults = { ...faults, dropResponseCount: faults.dropResponseCount - 1 };
        return "drop";
      }
      if (faults.dropResponseRate > 0 && random() < faults.dropResponseRate) return "drop";
      return null;
    },
  };
}
