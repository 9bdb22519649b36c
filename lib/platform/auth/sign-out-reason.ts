import { evaluateSession, type OrgSessionSettings, type SessionState } from "./session-policy";

/**
 * Why a session has ended, read from its record — never from the request — or
 * null while it is still valid. requireOrg revokes an idle session before it
 * sends the browser to /sign-out, so a revoked record whose last activity came
 * more than the org's idle timeout before the revocation ended by inactivity;
 * any other revocation (sign out everywhere, an admin, directory sync) reads as
 * "revoked". Pure (the caller passes `now`).
 */
export function decideSignOutReason(
  session: SessionState,
  org: OrgSessionSettings,
  now: Date,
): "idle" | "revoked" | null {
  const timeoutMs = org.sessionIdleTimeoutMinutes ? org.sessionIdleTimeoutMinutes * 60_000 : null;
  if (session.revokedAt) {
    return timeoutMs !== null && session.revokedAt.getTime() - session.lastSeenAt.getTime() > timeoutMs
      ? "idle"
      : "revoked";
  }
  return evaluateSession(session, org, now).kind === "idle" ? "idle" : null;
}
