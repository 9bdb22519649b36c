import { ROLE_PERMISSIONS } from "../seed/workos";
import type { WorkosContext } from "./context";
import { newId, newSecret } from "./ids";
import { signJwt } from "./keys";
import { findMembership, findRole } from "./store";
import { serializeSession } from "./serializers";
import type { RoleSlug, SessionRecord } from "./types";

const SESSION_LIFETIME_MS = 30 * 86_400_000;

/** Starts a session for a user signing in (and records `session.created`). */
export async function startSession(
  context: WorkosContext,
  input: { userId: string; organizationId: string | null; ipAddress: string | null; userAgent: string | null },
): Promise<SessionRecord> {
  const now = new Date();
  const session = context.store.sessions.insert({
    id: newId("session", now.getTime()),
    userId: input.userId,
    organizationId: input.organizationId,
    status: "active",
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
    endedAt: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await context.emit("session.created", serializeSession(session), session.organizationId);
  return session;
}

/** Ends a session: its refresh tokens stop working (and records `session.revoked`). */
export async function revokeSession(context: WorkosContext, session: SessionRecord) {
  if (session.status !== "active") return;
  const now = new Date().toISOString();
  session.status = "revoked";
  session.endedAt = now;
  session.updatedAt = now;
  await context.emit("session.revoked", serializeSession(session), session.organizationId);
}

export function isSessionLive(session: SessionRecord): boolean {
  return session.status === "active" && Date.parse(session.expiresAt) > Date.now();
}

/** `org_id`, `role`, `roles` and `permissions` for a user's membership of the session's organisation. */
export function organizationClaims(
  context: WorkosContext,
  userId: string,
  organizationId: string | null,
): Record<string, unknown> {
  if (!organizationId) return {};
  const claims: Record<string, unknown> = { org_id: organizationId };
  const roleSlug = findMembership(context.store, userId, organizationId)?.roleSlug;
  if (roleSlug) {
    const role = findRole(context.store, organizationId, roleSlug);
    claims.role = roleSlug;
    claims.roles = [roleSlug];
    claims.permissions = role?.permissions ?? ROLE_PERMISSIONS[roleSlug as RoleSlug] ?? [];
  }
  return claims;
}

/** A JWT id: the random tail of a ULID-like id. */
export const newJti = () => newId("jti").slice(4);

/** A new access token (RS256 JWT) and single-use refresh token for the session. */
export function issueTokens(context: WorkosContext, session: SessionRecord) {
  const { store, config } = context;
  const iat = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: `${config.baseUrl}/user_management/${config.clientId}`,
    sub: session.userId,
    sid: session.id,
    jti: newJti(),
    iat,
    exp: iat + config.accessTokenTtlSeconds,
    ...organizationClaims(context, session.userId, session.organizationId),
  };
  const refreshToken = newSecret(24);
  store.refreshTokens.set(refreshToken, { token: refreshToken, sessionId: session.id, used: false });
  return { accessToken: signJwt(context.signingKey, claims), refreshToken };
}
