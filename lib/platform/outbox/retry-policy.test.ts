import { describe, expect, it } from "vitest";
import {
  MAX_WRITE_DELAY_MS,
  decideRetry,
  describeFailure,
  isTransient,
  nextAttemptDelayMs,
  retryWindowOpenedAt,
  writeBackoffMs,
} from "./retry-policy";

const HOUR = 3_600_000;
const recordedAt = new Date("2026-03-02T08:00:00Z");
const at = (ms: number) => new Date(recordedAt.getTime() + ms);
const fixed = (value: number) => () => value;

describe("isTransient", () => {
  it("retries rate limits, conflicts, locks, server errors, timeouts and network failures", () => {
    for (const status of [408, 409, 423, 429, 500, 502, 503, 504]) expect(isTransient({ status })).toBe(true);
    expect(isTransient({ code: "ECONNREFUSED" })).toBe(true);
    expect(isTransient({ name: "TimeoutError" })).toBe(true);
    expect(isTransient({ name: "IntegrationError", code: "TimeoutError", reason: "timeout" })).toBe(true);
  });

  it("does not retry requests the service rejected as wrong", () => {
    for (const status of [400, 401, 403, 404, 412, 422]) expect(isTransient({ status })).toBe(false);
    expect(isTransient({ name: "TypeError" })).toBe(false);
  });
});

describe("nextAttemptDelayMs (jobs)", () => {
  it("backs off exponentially up to five minutes", () => {
    expect([1, 2, 3, 4].map((n) => nextAttemptDelayMs(n))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(nextAttemptDelayMs(30)).toBe(300_000);
  });

  it("never retries sooner than Retry-After", () => {
    expect(nextAttemptDelayMs(1, 20)).toBe(20_000);
    expect(nextAttemptDelayMs(10, 1)).toBe(300_000);
  });
});

describe("writeBackoffMs", () => {
  it("grows exponentially with the tries when the jitter draws its maximum", () => {
    const top = fixed(0.999_999_999);
    expect([1, 2, 3, 4, 5].map((n) => Math.round(writeBackoffMs(n, top) / 1_000))).toEqual([1, 2, 4, 8, 16]);
  });

  it("never exceeds fifteen minutes, however many tries came before", () => {
    for (const attempts of [10, 11, 20, 50, 1_000, 1e9]) {
      for (const draw of [0, 0.5, 0.999_999])
        expect(writeBackoffMs(attempts, fixed(draw))).toBeLessThanOrEqual(MAX_WRITE_DELAY_MS);
    }
    expect(writeBackoffMs(1e9, fixed(0.999_999_999))).toBe(MAX_WRITE_DELAY_MS);
  });

  it("keeps the jitter between the one-second floor and the exponential ceiling", () => {
    for (let attempts = 1; attempts <= 40; attempts++) {
      const ceiling = Math.min(1_000 * 2 ** (attempts - 1), MAX_WRITE_DELAY_MS);
      for (let i = 0; i <= 20; i++) {
        const delay = writeBackoffMs(attempts, fixed(i / 20));
        expect(delay).toBeGreaterThanOrEqual(1_000);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
    // Two draws far apart give different waits: the jitter spreads writes out.
    expect(writeBackoffMs(12, fixed(0.1))).toBeLessThan(writeBackoffMs(12, fixed(0.9)));
  });
});

describe("decideRetry", () => {
  const outage = { failure: { status: 503 }, message: "503: Service Unavailable", recordedAt, random: fixed(0.5) };

  it("defect 2 (outage poisons writes): a write first tried 3 hours ago after 40 failures is retried", () => {
    const decision = decideRetry({ ...outage, attempts: 40, now: at(3 * HOUR) });
    expect(decision.retry).toBe(true);
  });

  it("defect 2 (outage poisons writes): attempt 50 at hour 3 is still retried, within fifteen minutes", () => {
    const now = at(3 * HOUR);
    const decision = decideRetry({ ...outage, attempts: 50, now });
    if (!decision.retry) throw new Error(`expected a retry, got: ${decision.reason}`);
    expect(decision.retryAt.getTime()).toBeGreaterThan(now.getTime());
    expect(decision.retryAt.getTime() - now.getTime()).toBeLessThanOrEqual(MAX_WRITE_DELAY_MS);
  });

  it("defect 2 (outage poisons writes): at 24 h + 1 s the write fails, naming the last error", () => {
    expect(decideRetry({ ...outage, attempts: 120, now: at(24 * HOUR + 1_000) })).toEqual({
      retry: false,
      reason: "gave up after 24 h of retries: 503: Service Unavailable",
    });
  });

  it("defect 2 (outage poisons writes): the org's own window replaces the 24 h default", () => {
    expect(decideRetry({ ...outage, attempts: 3, now: at(2 * HOUR + 1_000), retryHours: 2 })).toEqual({
      retry: false,
      reason: "gave up after 2 h of retries: 503: Service Unavailable",
    });
    expect(decideRetry({ ...outage, attempts: 300, now: at(100 * HOUR), retryHours: 168 }).retry).toBe(true);
  });

  it("defect 2 (outage poisons writes): the last try is made at the deadline, not after it", () => {
    const now = at(24 * HOUR - 60_000);
    const decision = decideRetry({ ...outage, attempts: 90, now, random: fixed(0.999) });
    if (!decision.retry) throw new Error(decision.reason);
    expect(decision.retryAt).toEqual(at(24 * HOUR));
  });

  it("defect 2 (outage poisons writes): honours Retry-After, even past the fifteen-minute cap", () => {
    const now = at(HOUR);
    const decision = decideRetry({
      ...outage,
      failure: { status: 429, retryAfterSeconds: 1_800 },
      message: "429: slow down",
      attempts: 2,
      now,
    });
    if (!decision.retry) throw new Error(decision.reason);
    expect(decision.retryAt.getTime() - now.getTime()).toBe(1_800_000);
    // A Retry-After beyond the deadline: the service will not be ready in time.
    expect(
      decideRetry({
        ...outage,
        failure: { status: 429, retryAfterSeconds: 7_200 },
        message: "429: slow down",
        attempts: 2,
        now: at(23 * HOUR),
      }),
    ).toEqual({ retry: false, reason: "gave up after 24 h of retries: 429: slow down" });
  });

  it("defect 2 (outage poisons writes): 400, 401, 403, 404 and 422 fail at once with the upstream's reason", () => {
    for (const status of [400, 401, 403, 404, 422]) {
      expect(
        decideRetry({
          ...outage,
          failure: { status },
          message: `${status}: project ACME does not exist`,
          attempts: 1,
          now: recordedAt,
        }),
      ).toEqual({ retry: false, reason: `${status}: project ACME does not exist` });
    }
  });

  it("defect 2 (outage poisons writes): 408, 409, 423, 429, 5xx, timeouts and unreachable services are retried", () => {
    const failures = [
      { status: 408 },
      { status: 409 },
      { status: 423 },
      { status: 429 },
      { status: 500 },
      { status: 502 },
      { status: 504 },
      { name: "TimeoutError" },
      { code: "ETIMEDOUT" },
      { code: "ECONNREFUSED" },
      { reason: "unreachable" },
      { reason: "timeout" },
    ];
    for (const failure of failures)
      expect(decideRetry({ ...outage, failure, attempts: 11, now: at(HOUR) }).retry, JSON.stringify(failure)).toBe(
        true,
      );
  });
});

describe("retryWindowOpenedAt", () => {
  it("a failed intent blocks its key forever: a person's retry opens a whole new window, counted from the retry", () => {
    expect(retryWindowOpenedAt({ createdAt: recordedAt, retriedAt: null })).toEqual(recordedAt);
    const retriedAt = at(30 * HOUR);
    const opened = retryWindowOpenedAt({ createdAt: recordedAt, retriedAt });
    expect(opened).toEqual(retriedAt);
    // Six hours after the retry the write is 36 h old, past the 24 h window since it was recorded, and still retried.
    expect(
      decideRetry({
        failure: { status: 503 },
        message: "503: down",
        attempts: 140,
        recordedAt: opened,
        now: at(36 * HOUR),
        random: fixed(0.5),
      }).retry,
    ).toBe(true);
    expect(
      decideRetry({
        failure: { status: 503 },
        message: "503: down",
        attempts: 140,
        recordedAt: opened,
        now: at(54 * HOUR + 1_000),
        random: fixed(0.5),
      }),
    ).toEqual({ retry: false, reason: "gave up after 24 h of retries: 503: down" });
  });
});

describe("describeFailure", () => {
  it("reads axios-style, SDK-style and network errors", () => {
    expect(
      describeFailure({ response: { status: 429, headers: { "retry-after": "7" } }, message: "Too many" }),
    ).toMatchObject({ status: 429, retryAfterSeconds: 7, message: "Too many" });
    expect(describeFailure({ status: 503, name: "GenericServerException", message: "down" })).toMatchObject({
      status: 503,
      name: "GenericServerException",
    });
    expect(
      describeFailure(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })),
    ).toMatchObject({ code: "ECONNREFUSED", message: "fetch failed" });
  });

  it("defect (WorkOS dropped answer fails the write): finds the network code under the WorkOS SDK's wrapper, so a reset connection is retried", () => {
    // What @workos-inc/node throws when the connection is reset after the request went out.
    const socket = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    const wrapped = new Error("Unexpected error: TypeError: fetch failed", {
      cause: new TypeError("fetch failed", { cause: socket }),
    });
    const failure = describeFailure(wrapped);
    expect(failure).toMatchObject({ code: "UND_ERR_SOCKET", message: "Unexpected error: TypeError: fetch failed" });
    expect(isTransient(failure)).toBe(true);
  });
});
