import { describe, expect, it } from "vitest";
import { decideSignOutReason } from "./sign-out-reason";

const now = new Date("2026-03-02T12:00:00Z");
const minutesBefore = (minutes: number, from = now) => new Date(from.getTime() - minutes * 60_000);
const org = (sessionIdleTimeoutMinutes: number | null) => ({ requireMfa: false, sessionIdleTimeoutMinutes });

describe("decideSignOutReason", () => {
  it("finding 7 (sign-out): a session that is neither revoked nor idle has not ended", () => {
    expect(
      decideSignOutReason({ revokedAt: null, lastSeenAt: minutesBefore(29), mfaVerified: false }, org(30), now),
    ).toBeNull();
    expect(
      decideSignOutReason({ revokedAt: null, lastSeenAt: minutesBefore(10_000), mfaVerified: false }, org(null), now),
    ).toBeNull();
  });

  it("finding 7 (sign-out): past the org's idle timeout it ended as idle, revoked or not yet", () => {
    expect(
      decideSignOutReason({ revokedAt: null, lastSeenAt: minutesBefore(31), mfaVerified: true }, org(30), now),
    ).toBe("idle");
    expect(
      decideSignOutReason(
        { revokedAt: minutesBefore(1), lastSeenAt: minutesBefore(40), mfaVerified: true },
        org(30),
        now,
      ),
    ).toBe("idle");
  });

  it("finding 7 (sign-out): revoked while still in use, or in an org without a timeout, it was revoked", () => {
    expect(
      decideSignOutReason(
        { revokedAt: minutesBefore(1), lastSeenAt: minutesBefore(5), mfaVerified: false },
        org(30),
        now,
      ),
    ).toBe("revoked");
    expect(
      decideSignOutReason(
        { revokedAt: minutesBefore(1), lastSeenAt: minutesBefore(600), mfaVerified: false },
        org(null),
        now,
      ),
    ).toBe("revoked");
  });
});
