import "server-only";
import { notFound, redirect } from "next/navigation";
import { withAuth } from "@workos-inc/authkit-nextjs";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { findActiveMembership } from "@/lib/db/system/memberships";
import { listRecentMfaAttempts, markMfaAttemptSucceeded, reserveMfaAttempt } from "@/lib/db/system/mfa-attempts";
import { findOAuthSessionOfUser, findOrCreateSession, markSessionsMfaVerified } from "@/lib/db/system/sessions";
import * as workos from "@/lib/integrations/workos";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { decideMfaAttempt, describeLockout, MFA_ATTEMPT_LIMIT } from "../../domain/mfa-attempt-policy";

/**
 * The MFA step an org can require. It runs before requireOrg lets the session
 * in, so it does its own (lighter) membership check: signed in, member, else 404.
 */
export async function requireMembershipForMfa(orgSlug: string) {
  const { user, sessionId } = await withAuth();
  if (!user) redirect(`/sign-in?returnTo=${encodeURIComponent(`/mfa?org=${orgSlug}`)}`);
  const membership = await findActiveMembership({ orgSlug, workosUserId: user.id });
  if (!membership) notFound();
  const session = await findOrCreateSession({
    workosSessionId: sessionId,
    userId: membership.user.id,
    orgId: membership.org.id,
  });
  // /sign-out reads why from the session record.
  if (session.revokedAt) redirect("/sign-out");
  return { ...membership, sessionId, mfaVerified: session.mfaVerified, mfaVerifiedAt: session.mfaVerifiedAt };
}

/** A new TOTP factor: the secret and otpauth URI for manual entry, and the QR code WorkOS renders (a data URI). */
export type MfaEnrolment = { challengeId: string; secret: string; uri: string; qrCode: string };

export const ALREADY_ENROLLED =
  "You already have an authenticator app. Enter a code from it, or ask an admin to reset your two-step verification if you no longer have it.";

/**
 * Creates a TOTP factor for the user and the challenge that proves they set it
 * up — only for a user who has none: a session that has not proved the
 * existing factor must not be able to add one of its own and verify with it.
 */
export async function startEnrolment(
  orgSlug: string,
): Promise<{ ok: true; enrolment: MfaEnrolment } | { ok: false; error: string }> {
  const { user, org } = await requireMembershipForMfa(orgSlug);
  if (await workos.hasAuthFactor(user.workosUserId)) return { ok: false, error: ALREADY_ENROLLED };
  const enrolment = await workos.enrollTotpFactor({
    workosUserId: user.workosUserId,
    issuer: `Bosun (${org.name})`,
    accountName: user.email,
  });
  return {
    ok: true,
    enrolment: {
      challengeId: enrolment.challengeId,
      secret: enrolment.secret,
      uri: enrolment.uri,
      qrCode: enrolment.qrCode,
    },
  };
}

/** An MCP client's OAuth session of this user in this org, still open, that a code may verify. */
export async function findApprovableConnection({
  connectionId,
  userId,
  orgId,
}: {
  connectionId: string;
  userId: string;
  orgId: string;
}) {
  const connection = await findOAuthSessionOfUser({ workosSessionId: connectionId, userId });
  return connection && connection.orgId === orgId && !connection.revokedAt ? connection : null;
}

export type VerifyRequest = { orgSlug: string; code: string; enrolmentChallengeId?: string; connectionId?: string };
export type VerifyOutcome =
  | { status: "verified" }
  | { status: "incorrect" }
  | { status: "locked"; message: string }
  | { status: "no-factor" }
  | { status: "unknown-connection" };

type Membership = Awaited<ReturnType<typeof requireMembershipForMfa>>;

/**
 * Checks a code: against the enrolment challenge when one is given, otherwise
 * against a fresh challenge for the user's factor. Each attempt counts against
 * the per-user and per-session limits (lib/auth/mfa-attempt-policy.ts) before
 * WorkOS sees it. On success this session — and the MCP connection named, if
 * any — counts as MFA-verified as of now, and the event is audited.
 */
export async function verifyCode({
  orgSlug,
  code,
  enrolmentChallengeId,
  connectionId,
}: VerifyRequest): Promise<VerifyOutcome> {
  const membership = await requireMembershipForMfa(orgSlug);
  const { user, org, sessionId } = membership;
  const connection = connectionId
    ? await findApprovableConnection({ connectionId, userId: user.id, orgId: org.id })
    : null;
  if (connectionId && !connection) return { status: "unknown-connection" };
  const factorIds = await workos.listFactorIds(user.workosUserId);
  if (factorIds.length === 0) return { status: "no-factor" };

  const now = new Date();
  const attempt = await reserveMfaAttempt({ userId: user.id, workosSessionId: sessionId, now });
  if (!attempt.allowed) return { status: "locked", message: describeLockout(attempt.retryAt, now) };

  let passed: boolean;
  try {
    passed = await checkCode({ factorIds, code, enrolmentChallengeId });
  } catch (error) {
    await noteFailure(membership);
    throw error;
  }
  if (!passed) return (await noteFailure(membership)) ?? { status: "incorrect" };

  await markMfaAttemptSucceeded({ attemptId: attempt.attemptId, userId: user.id });
  await markSessionsMfaVerified({
    workosSessionIds: connection ? [sessionId, connection.workosSessionId] : [sessionId],
    now: new Date(),
  });
  await appendAuditEntry({
    orgId: org.id,
    actor: { type: "user", id: user.id, label: user.email },
    action: enrolmentChallengeId ? "user.mfa_enrolled" : "user.mfa_verified",
    target: connection ? { type: "session", id: connection.id } : { type: "user", id: user.id },
    summary: enrolmentChallengeId
      ? `${user.name} set up an authenticator app`
      : connection
        ? `${user.name} verified the MCP connection of client ${connection.oauthClientId} with an authenticator app`
        : `${user.name} verified with an authenticator app`,
    requestId: await getRequestId(),
  });
  return { status: "verified" };
}

async function checkCode({
  factorIds,
  code,
  enrolmentChallengeId,
}: {
  factorIds: string[];
  code: string;
  enrolmentChallengeId?: string;
}): Promise<boolean> {
  const challengeId = enrolmentChallengeId ?? (await workos.challengeFactor(factorIds[0] as string));
  const result = await workos.verifyChallenge(challengeId, code);
  // A challenge id from the form must belong to one of this user's factors.
  return result.valid && factorIds.includes(result.factorId);
}

/** After a wrong code: if that one reached the limit, the lockout is audited and answered. */
async function noteFailure({ user, org, sessionId }: Membership): Promise<VerifyOutcome | null> {
  const now = new Date();
  const verdict = decideMfaAttempt({ attempts: await listRecentMfaAttempts({ userId: user.id, now }), sessionId, now });
  if (verdict.allowed) return null;
  const message = describeLockout(verdict.retryAt, now);
  await appendAuditEntry({
    orgId: org.id,
    actor: { type: "user", id: user.id, label: user.email },
    action: "user.mfa_locked",
    target: { type: "user", id: user.id },
    summary: `Two-step verification of ${user.name} locked ${verdict.scope === "user" ? "in every session" : "in one session"} after ${MFA_ATTEMPT_LIMIT} incorrect codes, until ${verdict.retryAt.toISOString()}`,
    result: "failure",
    requestId: await getRequestId(),
  });
  return { status: "locked", message };
}

/** Whether the person already has an authenticator app at WorkOS: /mfa then asks for a code instead of enrolling one. */
export async function hasAuthenticatorApp(workosUserId: string): Promise<boolean> {
  return (await workos.listFactorIds(workosUserId)).length > 0;
}
