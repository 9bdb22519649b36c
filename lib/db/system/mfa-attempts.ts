// TOTP attempts are counted per user across every org, so these take no orgId.
import "server-only";
import { db } from "@/lib/db/client";
import { decideMfaAttempt, MFA_ATTEMPT_WINDOW_MS, type MfaAttemptRecord } from "@/lib/domain/mfa-attempt-policy";

/*
 * TOTP attempts belong to a user, not an org (the limit spans every org and
 * session of the user), so these queries are keyed by the user.
 */

/** Attempts older than this are of no use to any decision and are dropped as new ones come in. */
const KEEP_MS = 24 * 60 * 60_000;

/** The user's attempts inside the counting window, oldest first. */
export async function listRecentMfaAttempts({
  userId,
  now,
}: {
  userId: string;
  now: Date;
}): Promise<MfaAttemptRecord[]> {
  const rows = await db.mfaAttempt.findMany({
    where: { userId, createdAt: { gt: new Date(now.getTime() - MFA_ATTEMPT_WINDOW_MS) } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ at: row.createdAt, succeeded: row.succeeded, sessionId: row.workosSessionId }));
}

/**
 * Decides and records one attempt as a single step per user (an advisory
 * lock), so parallel requests cannot each slip under the limit. The attempt
 * counts as failed until markMfaAttemptSucceeded says otherwise.
 */
export async function reserveMfaAttempt({
  userId,
  workosSessionId,
  now,
}: {
  userId: string;
  workosSessionId: string;
  now: Date;
}): Promise<{ allowed: true; attemptId: string } | { allowed: false; retryAt: Date }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mfa-attempt:${userId}`}))`;
    const rows = await tx.mfaAttempt.findMany({
      where: { userId, createdAt: { gt: new Date(now.getTime() - MFA_ATTEMPT_WINDOW_MS) } },
    });
    const attempts = rows.map((row) => ({
      at: row.createdAt,
      succeeded: row.succeeded,
      sessionId: row.workosSessionId,
    }));
    const verdict = decideMfaAttempt({ attempts, sessionId: workosSessionId, now });
    if (!verdict.allowed) return { allowed: false, retryAt: verdict.retryAt };
    await tx.mfaAttempt.deleteMany({ where: { userId, createdAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
    const attempt = await tx.mfaAttempt.create({
      data: { userId, workosSessionId, createdAt: now },
      select: { id: true },
    });
    return { allowed: true, attemptId: attempt.id };
  });
}

export async function markMfaAttemptSucceeded({ attemptId, userId }: { attemptId: string; userId: string }) {
  return db.mfaAttempt.updateMany({ where: { id: attemptId, userId }, data: { succeeded: true } });
}
