/**
 * A per-site request budget (fixed window), off by default. When a site's
 * budget is spent the API answers 429 with Retry-After and Jira's
 * X-RateLimit-* headers until the window rolls over.
 */
export type RateBudget = { limit: number; windowSeconds: number };

type Window = { budget: RateBudget; startedAt: number; used: number };

export type RateDecision = { allowed: boolean; headers: Record<string, string> };

export function createRateLimiter() {
  const windows = new Map<string, Window>();
  return {
    set(site: string, budget: RateBudget | null) {
      if (budget === null) windows.delete(site);
      else windows.set(site, { budget, startedAt: 0, used: 0 });
    },
    get(site: string): (RateBudget & { remaining: number }) | null {
      const window = windows.get(site);
      return window ? { ...window.budget, remaining: Math.max(0, window.budget.limit - window.used) } : null;
    },
    clear() {
      windows.clear();
    },
    take(site: string, now: number): RateDecision {
      const window = windows.get(site);
      if (!window) return { allowed: true, headers: {} };
      const length = window.budget.windowSeconds * 1000;
      if (now - window.startedAt >= length) {
        window.startedAt = now;
        window.used = 0;
      }
      const resetAt = window.startedAt + length;
      const allowed = window.used < window.budget.limit;
      if (allowed) window.used++;
      const headers: Record<string, string> = {
        "x-ratelimit-limit": String(window.budget.limit),
        "x-ratelimit-remaining": String(Math.max(0, window.budget.limit - window.used)),
        "x-ratelimit-reset": new Date(resetAt).toISOString(),
      };
      if (!allowed) headers["retry-after"] = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
      return { allowed, headers };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

export function parseBudget(body: unknown): RateBudget | string {
  const { limit, windowSeconds = 60 } = (body ?? {}) as { limit?: unknown; windowSeconds?: unknown };
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0) return "limit must be a non-negative integer";
  if (typeof windowSeconds !== "number" || !(windowSeconds > 0)) return "windowSeconds must be a positive number";
  return { limit, windowSeconds };
}
