import "server-only";
import type { ActorType } from "@/lib/db/types";
import { revokeAllSessionsOfUser } from "@/lib/db/system/sessions";
import { listActiveSessions } from "@/lib/integrations/workos";
import { performWrite } from "@/lib/platform/outbox";

/**
 * Ends every session a person has: Bosun stops accepting them at once, and each
 * live WorkOS session is revoked through the outbox (so an outage only delays it).
 * Returns how many WorkOS sessions were live.
 */
export async function endAllSessions({
  orgId,
  user,
  actor,
  cause,
  summary,
  requestId,
}: {
  orgId: string;
  user: { id: string; workosUserId: string };
  actor: { type: ActorType; id?: string | null; label: string };
  /** Makes the revocations idempotent per triggering event or request. */
  cause: string;
  summary: string;
  requestId?: string | null;
}): Promise<number> {
  await revokeAllSessionsOfUser({ userId: user.id, now: new Date() });
  const sessions = await listActiveSessions(user.workosUserId);
  for (const session of sessions) {
    await performWrite({
      orgId,
      operation: "workos.session.revoke",
      args: { sessionId: session.id },
      orderingKey: `session:${session.id}`,
      idempotencyKey: `${cause}:${session.id}`,
      actor,
      summary,
      target: { type: "session", id: session.id },
      requestId,
    });
  }
  return sessions.length;
}
