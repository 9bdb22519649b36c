import "server-only";
import { signOut, withAuth } from "@workos-inc/authkit-nextjs";
import { findUserByWorkosId } from "@/lib/db/queries/users";
import { revokeSessionRecord } from "@/lib/db/queries/sessions";
import { env } from "@/lib/env";
import { recordSignOut } from "./sign-in";

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
