import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { setMemberStatus } from "@/lib/db/queries/memberships";
import { revokeAllSessionsOfUser } from "@/lib/db/queries/sessions";
import { listActiveSessions } from "@/lib/integrations/workos";
import { performWrite } from "@/lib/outbox";

const DIRECTORY_ACTOR = { type: "system" as const, id: null, label: "WorkOS directory sync" };

/**
 * Someone left (or was suspended in) the company directory: access to the org
 * ends now — their membership is deactivated, Bosun's record of their sessions
 * is revoked, and each live WorkOS session is revoked through the outbox.
 */
export async function deprovisionMember({ org, user, reason, eventId }: { org: { id: string; name: string }; user: { id: string; workosUserId: string; name: string; email: string }; reason: string; eventId: string }) {
  await setMemberStatus({ orgId: org.id, userId: user.id, status: "deactivated" });
  await revokeAllSessionsOfUser({ userId: user.id, now: new Date() });
  const sessions = await listActiveSessions(user.workosUserId);
  for (const session of sessions) {
    await performWrite({
      orgId: org.id,
      operation: "workos.session.revoke",
      args: { sessionId: session.id },
      orderingKey: `session:${session.id}`,
      idempotencyKey: `deprovision:${eventId}:${session.id}`,
      actor: DIRECTORY_ACTOR,
      summary: `Revoked a session of ${user.name} after deprovisioning`,
      target: { type: "session", id: session.id },
    });
  }
  await appendAuditEntry({
    orgId: org.id,
    actor: DIRECTORY_ACTOR,
    action: "member.deprovisioned",
    target: { type: "user", id: user.id },
    summary: `${user.name} (${user.email}) lost access to ${org.name}: ${reason}; ${sessions.length} session(s) revoked`,
  });
}

export { DIRECTORY_ACTOR };
