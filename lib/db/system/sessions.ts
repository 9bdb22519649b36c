// Sessions are the user's, not an org's (one WorkOS session can open several orgs), so these take no orgId.
import "server-only";
import { db } from "@/lib/db/client";

/*
 * Sessions are the user's, not an org's: one WorkOS session can open several
 * orgs, so these queries are keyed by the WorkOS session id or the user.
 */

/** A WorkOS session as Bosun first sees it: whose it is, and the org it was opened in. */
type SeenSession = { workosSessionId: string; userId: string; orgId: string };

/** The session record for a WorkOS session id, created on first sight. */
export async function findOrCreateSession({ workosSessionId, userId, orgId }: SeenSession) {
  // Read first: every page view asks, and only a session's first view creates it (an upsert locks the row every time).
  return (await findSessionRecord({ workosSessionId })) ?? createSessionRecord({ workosSessionId, userId, orgId });
}

/** The session record for a WorkOS session id, if Bosun has seen the session before. */
export function findSessionRecord({ workosSessionId }: { workosSessionId: string }) {
  return db.userSession.findUnique({ where: { workosSessionId } });
}

/** Creates the record of a session seen for the first time (or returns the one a concurrent request created). */
export function createSessionRecord({ workosSessionId, userId, orgId }: SeenSession) {
  return db.userSession.upsert({ where: { workosSessionId }, create: { workosSessionId, userId, orgId }, update: {} });
}

/** The record of a session AuthKit started for an MCP client's OAuth grant, created on the client's first call. */
export async function findOrCreateOAuthSession({
  workosSessionId,
  userId,
  orgId,
  oauthClientId,
}: SeenSession & { oauthClientId: string }) {
  return db.userSession.upsert({
    where: { workosSessionId },
    create: { workosSessionId, userId, orgId, oauthClientId },
    update: {},
  });
}

/** A new sign-in starts unverified, whatever factors the user owns: only a TOTP challenge passed in Bosun verifies it. */
export async function recordSessionStart({
  workosSessionId,
  userId,
  orgId,
}: {
  workosSessionId: string;
  userId: string;
  orgId: string | null;
}) {
  return db.userSession.upsert({
    where: { workosSessionId },
    create: { workosSessionId, userId, orgId },
    update: { mfaVerified: false, mfaVerifiedAt: null, lastSeenAt: new Date(), revokedAt: null },
  });
}

export async function touchSession({ workosSessionId, now }: { workosSessionId: string; now: Date }) {
  return db.userSession.update({ where: { workosSessionId }, data: { lastSeenAt: now } });
}

export async function revokeSessionRecord({ workosSessionId, now }: { workosSessionId: string; now: Date }) {
  return db.userSession.updateMany({ where: { workosSessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Marks every open session of a user revoked; returns their WorkOS ids. */
export async function revokeAllSessionsOfUser({ userId, now }: { userId: string; now: Date }): Promise<string[]> {
  const open = await db.userSession.findMany({ where: { userId, revokedAt: null }, select: { workosSessionId: true } });
  await db.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return open.map((s) => s.workosSessionId);
}

/** Records that these sessions passed a TOTP challenge at `now` (a step-up refreshes the time). */
export async function markSessionsMfaVerified({ workosSessionIds, now }: { workosSessionIds: string[]; now: Date }) {
  return db.userSession.updateMany({
    where: { workosSessionId: { in: workosSessionIds } },
    data: { mfaVerified: true, mfaVerifiedAt: now },
  });
}

/** After an admin resets a user's factors, none of their sessions counts as verified any more. */
export async function clearMfaVerificationOfUser({ userId }: { userId: string }) {
  return db.userSession.updateMany({
    where: { userId, mfaVerified: true },
    data: { mfaVerified: false, mfaVerifiedAt: null },
  });
}

export async function isSessionMfaVerified({ workosSessionId }: { workosSessionId: string }): Promise<boolean> {
  const session = await db.userSession.findUnique({ where: { workosSessionId }, select: { mfaVerified: true } });
  return session?.mfaVerified ?? false;
}

/** A session of this user that AuthKit started for an MCP client, or null. */
export async function findOAuthSessionOfUser({ workosSessionId, userId }: { workosSessionId: string; userId: string }) {
  return db.userSession.findFirst({ where: { workosSessionId, userId, oauthClientId: { not: null } } });
}
