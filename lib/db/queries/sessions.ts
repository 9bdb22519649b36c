import "server-only";
import { db } from "@/lib/db/client";

/** The session record for a WorkOS session id, created on first sight. */
export async function findOrCreateSession({ workosSessionId, userId, orgId }: { workosSessionId: string; userId: string; orgId: string }) {
  return db.userSession.upsert({ where: { workosSessionId }, create: { workosSessionId, userId, orgId }, update: {} });
}

export async function recordSessionStart({ workosSessionId, userId, orgId, mfaVerified }: { workosSessionId: string; userId: string; orgId: string | null; mfaVerified: boolean }) {
  return db.userSession.upsert({
    where: { workosSessionId },
    create: { workosSessionId, userId, orgId, mfaVerified },
    update: { mfaVerified, lastSeenAt: new Date(), revokedAt: null },
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

export async function markSessionMfaVerified({ workosSessionId }: { workosSessionId: string }) {
  return db.userSession.update({ where: { workosSessionId }, data: { mfaVerified: true } });
}

export async function isSessionMfaVerified({ workosSessionId }: { workosSessionId: string }): Promise<boolean> {
  const session = await db.userSession.findUnique({ where: { workosSessionId }, select: { mfaVerified: true } });
  return session?.mfaVerified ?? false;
}
