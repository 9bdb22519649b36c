import { describe, expect, it } from "vitest";
import { describeGateStatus } from "./status";

const base = { dismissReason: null, responseStatus: null, responseBody: null, intent: null };

describe("describeGateStatus", () => {
  it("recommended and dismissed gates say so", () => {
    expect(describeGateStatus({ ...base, status: "recommended" })).toEqual({ state: "recommended" });
    expect(describeGateStatus({ ...base, status: "dismissed", dismissReason: "Known flaky device" })).toEqual({
      state: "dismissed",
      reason: "Known flaky device",
    });
  });

  it("a sent gate shows the hook's answer", () => {
    expect(
      describeGateStatus({
        ...base,
        status: "sent",
        responseStatus: 202,
        responseBody: '{"status":"accepted","rollbackId":"rb_1"}',
      }),
    ).toEqual({
      state: "sent",
      detail: 'The deployment hook answered with 202: {"status":"accepted","rollbackId":"rb_1"}.',
    });
  });

  it("an approved gate whose request is on its way, or waiting for a retry, is sending", () => {
    expect(
      describeGateStatus({
        ...base,
        status: "approved",
        intent: { status: "in_flight", lastError: null, nextAttemptAt: null },
      }),
    ).toEqual({ state: "sending", detail: "Approved; the signed request is on its way." });
    expect(
      describeGateStatus({
        ...base,
        status: "approved",
        intent: { status: "pending", lastError: "timeout", nextAttemptAt: new Date("2026-12-03T12:00:05Z") },
      }),
    ).toEqual({
      state: "sending",
      detail: "Not delivered yet (timeout); Bosun retries at 12:00:05 UTC with the same idempotency key.",
    });
  });

  it("a request that failed for good is failed, with its reason", () => {
    expect(
      describeGateStatus({
        ...base,
        status: "approved",
        intent: { status: "failed", lastError: "401: bad signature", nextAttemptAt: null },
      }),
    ).toEqual({ state: "failed", detail: "The request failed: 401: bad signature." });
    expect(describeGateStatus({ ...base, status: "failed" })).toEqual({
      state: "failed",
      detail: "The request failed: no answer recorded.",
    });
  });
});
