/**
 * How many TOTP codes Bosun checks before it stops: 5 wrong codes within 15
 * minutes lock verification, counted per user (over all their sessions) and
 * per session. A right code starts the count over for what it verified (the
 * session, and the user). Pure: the caller passes the attempts and `now`.
 */
export const MFA_ATTEMPT_LIMIT = 5;
export const MFA_ATTEMPT_WINDOW_MS = 15 * 60_000;

export type MfaAttemptRecord = { at: Date; succeeded: boolean; sessionId: string };
export type AttemptVerdict = { allowed: true } | { allowed: false; retryAt: Date; scope: "user" | "session" };

/** Failed attempts that still count: within the window and after the last success. */
function countingFailures(attempts: MfaAttemptRecord[], now: Date): Date[] {
  const windowStart = now.getTime() - MFA_ATTEMPT_WINDOW_MS;
  const lastSuccess = Math.max(windowStart, ...attempts.filter((a) => a.succeeded).map((a) => a.at.getTime()));
  return attempts
    .filter((a) => !a.succeeded && a.at.getTime() > windowStart && a.at.getTime() >= lastSuccess)
    .map((a) => a.at)
    .sort((a, b) => a.getTime() - b.getTime());
}

/** When the count drops below the limit again, or null when it already is. */
function lockedUntil(failures: Date[]): Date | null {
  if (failures.length < MFA_ATTEMPT_LIMIT) return null;
  const oldestThatMatters = failures[failures.length - MFA_ATTEMPT_LIMIT] as Date;
  return new Date(oldestThatMatters.getTime() + MFA_ATTEMPT_WINDOW_MS);
}

/** Whether one more code may be checked for this user in this session, given the user's recent attempts. */
export function decideMfaAttempt({
  attempts,
  sessionId,
  now,
}: {
  attempts: MfaAttemptRecord[];
  sessionId: string;
  now: Date;
}): AttemptVerdict {
  const userUntil = lockedUntil(countingFailures(attempts, now));
  const sessionUntil = lockedUntil(
    countingFailures(
      attempts.filter((a) => a.sessionId === sessionId),
      now,
    ),
  );
  if (!userUntil && !sessionUntil) return { allowed: true };
  if (sessionUntil && (!userUntil || sessionUntil >= userUntil))
    return { allowed: false, retryAt: sessionUntil, scope: "session" };
  return { allowed: false, retryAt: userUntil as Date, scope: "user" };
}

/** "Too many attempts. Try again in N minutes." — rounded up, never 0. */
export function describeLockout(retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
