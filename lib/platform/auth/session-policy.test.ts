import { describe, expect, it } from "vitest";
import { evaluateSession, hasRecentSecondFactor } from "./session-policy";

const now = new Date("2026-11-24T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const open = { revokedAt: null, lastSeenAt: minutesAgo(0.5), mfaVerified: false };
const relaxed = { requireMfa: false, sessionIdleTimeoutMinutes: null };

describe("evaluateSession", () => {
  it("lets an active session through and touches it at most once a minute", () => {
    expect(evaluateSession(open, relaxed, now)).toEqual({ kind: "ok", touch: false });
    expect(evaluateSession({ ...open, lastSeenAt: minutesAgo(2) }, relaxed, now)).toEqual({ kind: "ok", touch: true });
  });

  it("rejects revoked sessions, whatever else is true", () => {
    expect(evaluateSession({ ...open, revokedAt: minutesAgo(1), mfaVerified: true }, relaxed, now)).toEqual({
      kind: "revoked",
    });
  });

  it("ends sessions idle longer than the org allows", () => {
    const strict = { requireMfa: false, sessionIdleTimeoutMinutes: 30 };
    expect(evaluateSession({ ...open, lastSeenAt: minutesAgo(29) }, strict, now).kind).toBe("ok");
    expect(evaluateSession({ ...open, lastSeenAt: minutesAgo(31) }, strict, now)).toEqual({ kind: "idle" });
    expect(evaluateSession({ ...open, lastSeenAt: minutesAgo(600) }, relaxed, now).kind).toBe("ok");
  });

  it("sends sessions without MFA to verification when the org requires it", () => {
    const mfaOrg = { requireMfa: true, sessionIdleTimeoutMinutes: null };
    expect(evaluateSession(open, mfaOrg, now)).toEqual({ kind: "mfa-required", touch: false });
    expect(evaluateSession({ ...open, mfaVerified: true }, mfaOrg, now)).toEqual({ kind: "ok", touch: false });
  });
});

describe("hasRecentSecondFactor", () => {
  it("finding 2 (MFA): only a code entered in the last 15 minutes counts for a step-up", () => {
    expect(hasRecentSecondFactor(null, now)).toBe(false);
    expect(hasRecentSecondFactor(minutesAgo(14), now)).toBe(true);
    expect(hasRecentSecondFactor(minutesAgo(15), now)).toBe(true);
    expect(hasRecentSecondFactor(minutesAgo(16), now)).toBe(false);
    // A time in the future is a bad record, not a fresh one.
    expect(hasRecentSecondFactor(minutesAgo(-5), now)).toBe(false);
  });
});
