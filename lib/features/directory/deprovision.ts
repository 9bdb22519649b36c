import "server-only";
import { endAllSessions } from "@/lib/platform/auth/end-all-sessions";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { inDirectoryTransaction } from "@/lib/db/system/directory-clock";
import { countWritesWithKeyPrefix } from "@/lib/db/queries/outbox-intents";
import { isStepDone, markStepDone } from "@/lib/db/system/event-steps";

const DIRECTORY_ACTOR = { type: "system" as const, id: null, label: "WorkOS directory sync" };

type Deprovisioning = {
  org: { id: string; name: string };
  user: { id: string; workosUserId: string; name: string; email: string };
  reason: string;
  eventId: string;
};

/**
 * Someone left (or was suspended in) the company directory, or their
 * membership ended in WorkOS: access to the org ends. This is one event's work
 * in three steps, each done exactly once however often the event is retried
 * or redelivered and wherever an attempt failed:
 *
 * 1. "deactivate": the membership's status. The caller writes it, and records
 *    the step, in the transaction that checks the event against the
 *    membership's clock, so access ends the moment the event is applied.
 * 2. "revoke-sessions": Bosun's record of the person's sessions is revoked and
 *    each live WorkOS session is revoked through the outbox, keyed by event and
 *    session, so listing the sessions again after a failure queues nothing twice.
 * 3. "audit": one member.deprovisioned entry, written in the transaction that
 *    records the step. The sessions it counts are the revocations the outbox
 *    holds for this event, right however many attempts it took to queue them.
 *
 * Called after step 1 is recorded; does what is left of 2 and 3.
 */
export async function finishDeprovision({ org, user, reason, eventId }: Deprovisioning) {
  const cause = `deprovision:${eventId}`;
  if (!(await isStepDone({ eventId, step: "revoke-sessions" }))) {
    // Throws while WorkOS cannot list the sessions; the job retries and comes back here.
    await endAllSessions({
      orgId: org.id,
      user,
      actor: DIRECTORY_ACTOR,
      cause,
      summary: `Revoked a session of ${user.name} after deprovisioning`,
    });
    await markStepDone({ eventId, step: "revoke-sessions" });
  }
  await inDirectoryTransaction(async (tx) => {
    if (!(await markStepDone({ eventId, step: "audit" }, tx))) return;
    // endAllSessions keys each revocation `${cause}:${sessionId}`.
    const sessions = await countWritesWithKeyPrefix({ orgId: org.id, keyPrefix: `${cause}:` }, tx);
    await appendAuditEntry(
      {
        orgId: org.id,
        actor: DIRECTORY_ACTOR,
        action: "member.deprovisioned",
        target: { type: "user", id: user.id },
        summary: `${user.name} (${user.email}) lost access to ${org.name}: ${reason}; ${sessions} session(s) revoked`,
      },
      tx,
    );
  });
}

export { DIRECTORY_ACTOR };
