import { describe, expect, it } from "vitest";
import { describeRetry } from "./describe-retry";

describe("describeRetry", () => {
  it("refusals are errors that say why, without detail about the write", () => {
    expect(describeRetry({ status: "not_found" })).toEqual({ ok: false, error: "That write no longer exists." });
    expect(describeRetry({ status: "not_allowed" })).toEqual({
      ok: false,
      error: "Only admins and managers can retry writes someone else made.",
    });
    expect(describeRetry({ status: "wrong_state", current: "in_flight" })).toEqual({
      ok: false,
      error: "This write is in flight now; refresh the page.",
    });
  });

  it("outcomes name what happened and what comes next", () => {
    expect(describeRetry({ status: "succeeded", intentId: "i1", result: { revoked: "session_1" } })).toEqual({
      ok: true,
      data: { status: "succeeded", message: "Done: the write went through." },
    });
    expect(describeRetry({ status: "pending", intentId: "i1", error: "503: down", retryAt: null })).toEqual({
      ok: true,
      data: { status: "pending", message: "Still not through (503: down); it will be retried automatically." },
    });
    expect(describeRetry({ status: "pending", intentId: "i1", error: null, retryAt: null }).ok).toBe(true);
    expect(describeRetry({ status: "failed", intentId: "i1", error: "400: no project NOPE" })).toEqual({
      ok: true,
      data: { status: "failed", message: "Failed again: 400: no project NOPE" },
    });
  });
});
