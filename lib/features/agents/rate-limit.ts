/**
 * Per-caller rate limiting for the MCP endpoint: a token bucket per API key or
 * OAuth user, refilled continuously. Pure and in memory: each app process
 * limits on its own, so behind N replicas a caller gets at most N times the
 * rate — acceptable for protecting upstream quotas from a runaway agent.
 */
export type Bucket = { tokens: number; updatedAt: number };
export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string, now: number): RateLimitDecision {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    const tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.refillPerSecond);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, updatedAt: now });
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - tokens) / this.refillPerSecond) };
    }
    // Forget idle callers rather than grow without bound (a full bucket is the default anyway).
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys) this.buckets.clear();
    this.buckets.set(key, { tokens: tokens - 1, updatedAt: now });
    return { allowed: true, remaining: Math.floor(tokens - 1) };
  }
}

/** 60 calls a minute with bursts of 30: plenty for an agent, a stop for a loop gone wrong. */
export const MCP_RATE_LIMIT = { capacity: 30, refillPerSecond: 1 } as const;
