import "server-only";
import { notFound, redirect } from "next/navigation";
import { withAuth } from "@workos-inc/authkit-nextjs";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { findActiveMembership } from "@/lib/db/queries/memberships";
import { findOrCreateSession, markSessionMfaVerified } from "@/lib/db/queries/sessions";
import * as workos from "@/lib/integrations/workos";
import { getRequestId } from "@/lib/observability/request-context";

/**
 * The MFA step an org can require. It runs before requireOrg lets the session
 * in, so it does its own (lighter) membership check: signed in, member, else 404.
 */
export async function requireMembershipForMfa(orgSlug: string) {
  const { user, sessionId } = await withAuth();
  if (!user) redirect(`/sign-in?returnTo=${encodeURIComponent(`/mfa?org=${orgSlug}`)}`);
  const membership = await findActiveMembership({ orgSlug, workosUserId: user.id });
  if (!membership) notFound();
  const session = await findOrCreateSession({ workosSessionId: sessionId, userId: membership.user.id, orgId: membership.org.id });
  return { ...membership, sessionId, mfaVerified: session.mfaVerified };
}

export type MfaEnrolment = { challengeId: string; secret: string; uri: string };

/** Creates a TOTP factor for the user and the challenge that proves they set it up. */
export async function startEnrolment(orgSlug: string): Promise<MfaEnrolment> {
  const { user, org } = await requireMembershipForMfa(orgSlug);
  const enrolment = await workos.enrollTotpFactor({ workosUserId: user.workosUserId, issuer: `Bosun (${org.name})`, accountName: user.email });
  return { challengeId: enrolment.challengeId, secret: enrolment.secret, uri: enrolment.uri };
}

/**
 * Checks a code: against the enrolment challenge when one is given, otherwise
 * against a fresh challenge for the user's existing factor. On success the
 * session counts as MFA-verified and the event is audited.
 */
export async function verifyCode(orgSlug: string, code: string, enrolmentChallengeId?: string): Promise<boolean> {
  const { user, org, sessionId } = await requireMembershipForMfa(orgSlug);
  const factorIds = await workos.listFactorIds(user.workosUserId);
  const challengeId = enrolmentChallengeId ?? (factorIds[0] ? await workos.challengeFactor(factorIds[0]) : null);
  if (!challengeId) return false;
  const result = await workos.verifyChallenge(challengeId, code);
  // A challenge id from the form must belong to one of this user's factors.
  if (!result.valid || !factorIds.includes(result.factorId)) return false;
  await markSessionMfaVerified({ workosSessionId: sessionId });
  await appendAuditEntry({
    orgId: org.id,
    actor: { type: "user", id: user.id, label: user.email },
    action: enrolmentChallengeId ? "user.mfa_enrolled" : "user.mfa_verified",
    target: { type: "user", id: user.id },
    summary: enrolmentChallengeId ? `${user.name} set up an authenticator app` : `${user.name} verified with an authenticator app`,
    requestId: await getRequestId(),
  });
  return true;
}
