import { describe, expect, it } from "vitest";
import { describeFailure, isTransient, nextAttemptDelayMs } from "./retry-policy";

describe("isTransient", () => {
  it("retries rate limits, server errors, timeouts and network failures", () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(isTransient({ status })).toBe(true);
    expect(isTransient({ code: "ECONNREFUSED" })).toBe(true);
    expect(isTransient({ name: "TimeoutError" })).toBe(true);
    expect(isTransient({ name: "IntegrationError", code: "TimeoutError", reason: "timeout" })).toBe(true);
  });

  it("does not retry requests the service rejected as wrong", () => {
    for (const status of [400, 401, 403, 404, 409, 422]) expect(isTransient({ status })).toBe(false);
    expect(isTransient({ name: "TypeError" })).toBe(false);
  });
});

describe("nextAttemptDelayMs", () => {
  it("backs off exponentially up to five minutes", () => {
    expect([1, 2, 3, 4].map((n) => nextAttemptDelayMs(n))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(nextAttemptDelayMs(30)).toBe(300_000);
  });

  it("never retries sooner than Retry-After", () => {
    expect(nextAttemptDelayMs(1, 20)).toBe(20_000);
    expect(nextAttemptDelayMs(10, 1)).toBe(300_000);
  });
});

describe("describeFailure", () => {
  it("reads axios-style, SDK-style and network errors", () => {
    expect(describeFailure({ response: { status: 429, headers: { "retry-after": "7" } }, message: "Too many" })).toMatchObject({ status: 429, retryAfterSeconds: 7, message: "Too many" });
    expect(describeFailure({ status: 503, name: "GenericServerException", message: "down" })).toMatchObject({ status: 503, name: "GenericServerException" });
    expect(describeFailure(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }))).toMatchObject({ code: "ECONNREFUSED", message: "fetch failed" });
  });
});
