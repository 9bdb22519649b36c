import "server-only";
import { signOut, withAuth } from "@workos-inc/authkit-nextjs";
import { getOrgSecuritySettings } from "@/lib/db/queries/organizations";
import { findOrgByWorkosId } from "@/lib/db/system/organizations";
import { findUserByWorkosId } from "@/lib/db/system/users";
import { findSessionRecord, revokeSessionRecord } from "@/lib/db/system/sessions";
import { env } from "@/lib/platform/env";
import { recordSignOut } from "./sign-in";
import { decideSignOutReason } from "./sign-out-reason";

export type SignOutReason = "user" | "idle" | "revoked";

/** Ends this session in Bosun and at WorkOS, audits it, and lands on the home page. */
export async function endSession(reason: SignOutReason): Promise<never> {
  const { user, sessionId } = await withAuth();
  if (user) {
    const record = await findUserByWorkosId({ workosUserId: user.id });
    if (record) await recordSignOut({ userId: record.id, email: record.email, name: record.name, reason });
    if (sessionId) await revokeSessionRecord({ workosSessionId: sessionId, now: new Date() });
  }
  // WorkOS redirects back to an absolute URL only.
  await signOut({ returnTo: `${env.publicUrl}/${reason === "user" ? "" : `?signedOut=${reason}`}` });
  throw new Error("signOut did not redirect");
}

/**
 * Where this request's session stands, for GET /sign-out: signed out already,
 * still valid, or ended (and why, from its record and the settings of the org
 * it is in). Nothing in the request decides the reason.
 */
export async function readSessionEnding(): Promise<"signed-out" | "valid" | "idle" | "revoked"> {
  const { user, sessionId, organizationId } = await withAuth();
  if (!user) return "signed-out";
  const session = sessionId ? await findSessionRecord({ workosSessionId: sessionId }) : null;
  // Never seen by requireOrg: nothing has ended it.
  if (!session) return "valid";
  const orgId =
    (organizationId ? (await findOrgByWorkosId({ workosOrgId: organizationId }))?.id : undefined) ?? session.orgId;
  const settings = orgId
    ? await getOrgSecuritySettings({ orgId })
    : { requireMfa: false, sessionIdleTimeoutMinutes: null };
  return decideSignOutReason(session, settings, new Date()) ?? "valid";
}
