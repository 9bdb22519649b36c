import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { setMemberStatus } from "@/lib/db/queries/memberships";
import { endAllSessions } from "@/lib/auth/end-all-sessions";

const DIRECTORY_ACTOR = { type: "system" as const, id: null, label: "WorkOS directory sync" };

/**
 * Someone left (or was suspended in) the company directory: access to the org
 * ends now — their membership is deactivated, Bosun's record of their sessions
 * is revoked, and each live WorkOS session is revoked through the outbox.
 */
export async function deprovisionMember({ org, user, reason, eventId }: { org: { id: string; name: string }; user: { id: string; workosUserId: string; name: string; email: string }; reason: string; eventId: string }) {
  await setMemberStatus({ orgId: org.id, userId: user.id, status: "deactivated" });
  const sessions = await endAllSessions({ orgId: org.id, user, actor: DIRECTORY_ACTOR, cause: `deprovision:${eventId}`, summary: `Revoked a session of ${user.name} after deprovisioning` });
  await appendAuditEntry({
    orgId: org.id,
    actor: DIRECTORY_ACTOR,
    action: "member.deprovisioned",
    target: { type: "user", id: user.id },
    summary: `${user.name} (${user.email}) lost access to ${org.name}: ${reason}; ${sessions} session(s) revoked`,
  });
}

export { DIRECTORY_ACTOR };
