/**
 * Fault injection for emulators: added latency, 429 and 5xx rates, and hangs.
 * Rates are probabilities from 0 to 1; 1 means every request. `pathPrefix`
 * limits faults to part of the API (e.g. "/rest/api/3/issue").
 */
export type Faults = {
  latencyMs: number;
  rateLimitRate: number;
  retryAfterSeconds: number;
  errorRate: number;
  errorStatus: number;
  hangRate: number;
  pathPrefix: string | null;
};

const DEFAULT_FAULTS: Faults = {
  latencyMs: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  errorRate: 0,
  errorStatus: 503,
  hangRate: 0,
  pathPrefix: null,
};

export type InjectedFault = { status: number; headers: Record<string, string>; body: string } | "hang" | null;

export type FaultController = {
  get(): Faults;
  set(patch: unknown): { ok: true } | { ok: false; error: string };
  clear(): void;
  apply(path: string): Promise<InjectedFault>;
};

const RATE_KEYS = ["rateLimitRate", "errorRate", "hangRate"] as const;

export function createFaultController(random: () => number = Math.random): FaultController {
  let faults: Faults = { ...DEFAULT_FAULTS };
  return {
    get: () => ({ ...faults }),
    clear: () => {
      faults = { ...DEFAULT_FAULTS };
    },
    set(patch) {
      if (typeof patch !== "object" || patch === null) return { ok: false, error: "body must be a JSON object" };
      const next: Faults = { ...faults };
      for (const [key, value] of Object.entries(patch)) {
        if (!(key in DEFAULT_FAULTS)) return { ok: false, error: `unknown fault '${key}'` };
        if (key === "pathPrefix") {
          if (value !== null && typeof value !== "string") return { ok: false, error: "pathPrefix must be a string or null" };
          next.pathPrefix = value as string | null;
          continue;
        }
        if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return { ok: false, error: `${key} must be a non-negative number` };
        if ((RATE_KEYS as readonly string[]).includes(key) && value > 1) return { ok: false, error: `${key} must be between 0 and 1` };
        if (key === "errorStatus" && (value < 500 || value > 599)) return { ok: false, error: "errorStatus must be a 5xx status" };
        (next as Record<string, unknown>)[key] = value;
      }
      faults = next;
      return { ok: true };
    },
    async apply(path): Promise<InjectedFault> {
      if (faults.pathPrefix && !path.startsWith(faults.pathPrefix)) return null;
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
      return null;
    },
  };
}
