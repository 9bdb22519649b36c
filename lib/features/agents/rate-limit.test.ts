import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./rate-limit";

describe("TokenBuckets", () => {
  it("allows a burst up to the capacity, then refuses with the wait until the next token", () => {
    const buckets = new TokenBuckets(3, 0.5);
    expect([0, 0, 0].map(() => buckets.take("key", 1_000).allowed)).toEqual([true, true, true]);
    expect(buckets.take("key", 1_000)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(buckets.take("key", 2_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take("key", 3_000)).toEqual({ allowed: true, remaining: 0 });
  });
  it("keeps callers apart and never refills above the capacity", () => {
    const buckets = new TokenBuckets(2, 1);
    buckets.take("a", 0);
    buckets.take("a", 0);
    expect(buckets.take("a", 0).allowed).toBe(false);
    expect(buckets.take("b", 0)).toEqual({ allowed: true, remaining: 1 });
    expect(buckets.take("b", 3_600_000)).toEqual({ allowed: true, remaining: 1 });
  });
  it("forgets idle callers when it holds too many, so memory stays bounded", () => {
    const buckets = new TokenBuckets(1, 1, 2);
    buckets.take("a", 0);
    buckets.take("b", 0);
    buckets.take("c", 0);
    expect(buckets.take("a", 0).allowed).toBe(true);
  });
});
