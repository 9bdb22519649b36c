/**
 * Decides what a request's session may do, from its record and the org's
 * settings. Pure (the caller passes `now`), so it is unit-tested.
 */
export type SessionState = { revokedAt: Date | null; lastSeenAt: Date; mfaVerified: boolean };
export type OrgSessionSettings = { requireMfa: boolean; sessionIdleTimeoutMinutes: number | null };

export type SessionVerdict =
  { kind: "ok"; touch: boolean } | { kind: "revoked" } | { kind: "idle" } | { kind: "mfa-required"; touch: boolean };

/** lastSeenAt is written at most this often, so page views are not all database writes. */
export const TOUCH_INTERVAL_MS = 60_000;

export function evaluateSession(session: SessionState, org: OrgSessionSettings, now: Date): SessionVerdict {
  if (session.revokedAt) return { kind: "revoked" };
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  if (org.sessionIdleTimeoutMinutes && idleMs > org.sessionIdleTimeoutMinutes * 60_000) return { kind: "idle" };
  const touch = idleMs >= TOUCH_INTERVAL_MS;
  if (org.requireMfa && !session.mfaVerified) return { kind: "mfa-required", touch };
  return { kind: "ok", touch };
}

/** How recent a passed TOTP challenge must be for a bulk write in an org that requires MFA. */
export const STEP_UP_WINDOW_MS = 15 * 60_000;

/** Whether the session passed a TOTP challenge in Bosun within the step-up window. */
export function hasRecentSecondFactor(mfaVerifiedAt: Date | null, now: Date): boolean {
  if (!mfaVerifiedAt) return false;
  const age = now.getTime() - mfaVerifiedAt.getTime();
  return age >= 0 && age <= STEP_UP_WINDOW_MS;
}
