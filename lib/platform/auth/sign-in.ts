import "server-only";
import { decodeJwt } from "jose";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { recordSessionStart } from "@/lib/db/system/sessions";
import { listActiveOrgIdsForUser, recordSignIn } from "@/lib/db/system/users";
import { getRequestLogger, getRequestId } from "@/lib/platform/observability/request-context";

type SignedInUser = { id: string; email: string; firstName: string | null; lastName: string | null };

/**
 * After AuthKit completes a sign-in: keep the user's profile current, record
 * the session, and write "user.signed_in" to the audit log of every org they
 * belong to. The session starts unverified even when the user owns a factor:
 * SSO, OAuth and magic-link sign-ins skip TOTP at WorkOS, and AuthKit's
 * authentication method cannot say whether a code was entered. Only a TOTP
 * challenge passed on Bosun's /mfa page verifies it (lib/auth/mfa.ts).
 */
export async function completeSignIn(user: SignedInUser, accessToken?: string) {
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email;
  const record = await recordSignIn({ workosUserId: user.id, email: user.email, name });
  const requestId = await getRequestId();
  const orgIds = await listActiveOrgIdsForUser({ userId: record.id });
  if (accessToken) {
    const { sid } = decodeJwt(accessToken) as { sid?: string };
    if (sid) await recordSessionStart({ workosSessionId: sid, userId: record.id, orgId: null });
  }
  await Promise.all(
    orgIds.map((orgId) =>
      appendAuditEntry({
        orgId,
        actor: { type: "user", id: record.id, label: record.email },
        action: "user.signed_in",
        target: { type: "user", id: record.id },
        summary: `${record.name} signed in`,
        requestId,
      }),
    ),
  );
  (await getRequestLogger()).info({ userId: record.id, orgs: orgIds.length }, "user signed in");
}

/** Writes "user.signed_out" to each of the user's orgs. */
export async function recordSignOut({
  userId,
  email,
  name,
  reason,
}: {
  userId: string;
  email: string;
  name: string;
  reason: string;
}) {
  const requestId = await getRequestId();
  const orgIds = await listActiveOrgIdsForUser({ userId });
  await Promise.all(
    orgIds.map((orgId) =>
      appendAuditEntry({
        orgId,
        actor: { type: "user", id: userId, label: email },
        action: "user.signed_out",
        target: { type: "user", id: userId },
        summary: reason === "user" ? `${name} signed out` : `${name} was signed out (${reason})`,
        requestId,
      }),
    ),
  );
}
