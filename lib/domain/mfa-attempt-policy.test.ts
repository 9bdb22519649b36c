import { describe, expect, it } from "vitest";
import { decideMfaAttempt, describeLockout, type MfaAttemptRecord } from "./mfa-attempt-policy";

const now = new Date("2026-12-02T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const failure = (m: number, sessionId = "a"): MfaAttemptRecord => ({ at: minutesAgo(m), succeeded: false, sessionId });
const success = (m: number, sessionId = "a"): MfaAttemptRecord => ({ at: minutesAgo(m), succeeded: true, sessionId });

describe("decideMfaAttempt", () => {
  it("finding 2 (MFA): allows four wrong codes and refuses after the fifth until the oldest leaves the 15-minute window", () => {
    const four = [failure(10), failure(8), failure(6), failure(4)];
    expect(decideMfaAttempt({ attempts: four, sessionId: "a", now })).toEqual({ allowed: true });
    expect(decideMfaAttempt({ attempts: [...four, failure(2)], sessionId: "a", now })).toEqual({
      allowed: false,
      retryAt: minutesAgo(-5),
      scope: "session",
    });
    expect(decideMfaAttempt({ attempts: [failure(16), ...four], sessionId: "a", now })).toEqual({ allowed: true });
  });

  it("finding 2 (MFA): counts a user's wrong codes over all sessions, and a new session inherits the lock", () => {
    const spread = [failure(5, "a"), failure(4, "a"), failure(3, "b"), failure(2, "b"), failure(1, "c")];
    expect(decideMfaAttempt({ attempts: spread, sessionId: "d", now })).toEqual({
      allowed: false,
      retryAt: minutesAgo(-10),
      scope: "user",
    });
  });

  it("finding 2 (MFA): a right code starts the count over for the user, but not for another session's lock", () => {
    const locked = [failure(6, "a"), failure(5, "a"), failure(4, "a"), failure(3, "a"), failure(2, "a")];
    expect(decideMfaAttempt({ attempts: [...locked, success(1, "b")], sessionId: "b", now })).toEqual({
      allowed: true,
    });
    expect(decideMfaAttempt({ attempts: [...locked, success(1, "b")], sessionId: "a", now })).toMatchObject({
      allowed: false,
      scope: "session",
    });
  });
});

describe("describeLockout", () => {
  it("rounds the wait up to whole minutes", () => {
    expect(describeLockout(new Date(now.getTime() + 15 * 60_000), now)).toBe(
      "Too many attempts. Try again in 15 minutes.",
    );
    expect(describeLockout(new Date(now.getTime() + 61_000), now)).toBe("Too many attempts. Try again in 2 minutes.");
    expect(describeLockout(new Date(now.getTime() + 1_000), now)).toBe("Too many attempts. Try again in 1 minute.");
  });
});
