import "server-only";
import { claimClock, inDirectoryTransaction } from "@/lib/db/system/directory-clock";
import { isStepDone, markStepDone } from "@/lib/db/system/event-steps";
import { findMember, setMemberStatus } from "@/lib/db/queries/memberships";
import { findOrgByWorkosId } from "@/lib/db/system/organizations";
import { findUserByEmail } from "@/lib/db/system/users";
import { membershipClock, stampOf } from "@/lib/domain/directory/event-order";
import { finishDeprovision } from "./deprovision";
import { directoryUserEventData, primaryEmail, type WorkosEvent } from "./events";
import { type EventOutcome } from "./outcome";

/**
 * dsync.user.updated / deleted: a directory user who is suspended or deleted
 * is deprovisioned from the org at once.
 *
 * Two clocks decide whether such an event still counts. Its own, the
 * directory user's, orders directory events among themselves. And since the
 * deprovisioning it causes is a change to the person's membership — the same
 * membership organization_membership.* events change — it must also be newer
 * than the newest event applied to that membership, and it advances that
 * clock when applied. "Older" is therefore judged per membership, across both
 * kinds of event: a suspension older than a membership re-activation WorkOS
 * sent later does not end access, and a membership update (active) older than
 * the suspension cannot bring access back. When WorkOS reports one change
 * both ways (suspension, then membership inactive), the first applied
 * deprovisions and the other finds the member already inactive.
 *
 * A directory user Bosun cannot match to a member is skipped: WorkOS reports
 * the membership's own change as organization_membership.updated, which fetches
 * a missing user and applies it.
 */
export async function applyDirectoryUserEvent(event: WorkosEvent): Promise<EventOutcome> {
  const data = directoryUserEventData.parse(event.data);
  const deleted = event.event === "dsync.user.deleted";
  const reason = deleted ? "deleted from the directory" : `directory state is ${data.state}`;
  const org = data.organization_id ? await findOrgByWorkosId({ workosOrgId: data.organization_id }) : null;
  const email = primaryEmail(data);
  const user = email ? await findUserByEmail({ email: email.toLowerCase() }) : null;
  const stamp = stampOf(event);
  const member = org && user ? { org, user } : null;

  // A retry of an event that already ended the membership finishes what it started.
  if (member && (await isStepDone({ eventId: event.id, step: "deactivate" })))
    return deprovisioned(member, reason, event.id);

  const change = await inDirectoryTransaction(async (tx) => {
    if (!(await claimClock(tx, { objectType: "directory_user", objectId: data.id }, stamp))) return "stale" as const;
    if (!deleted && data.state === "active") return "active" as const;
    if (!member) return "unmatched" as const;
    const {
      org: { id: orgId, workosOrgId },
      user: { id: userId, workosUserId },
    } = member;
    if (!(await claimClock(tx, membershipClock({ workosUserId, workosOrgId }), stamp)))
      return "stale-membership" as const;
    if ((await findMember({ orgId, userId }, tx))?.status !== "active") return "inactive" as const;
    await setMemberStatus({ orgId, userId, status: "deactivated" }, tx);
    await markStepDone({ eventId: event.id, step: "deactivate" }, tx);
    return member;
  });

  if (typeof change === "object") return deprovisioned(change, reason, event.id);
  switch (change) {
    case "stale":
      return { status: "ignored", note: "a newer event about this directory user was already applied" };
    case "active":
      return { status: "ignored", note: "directory user still active" };
    case "unmatched":
      return { status: "ignored", note: "no matching Bosun member" };
    case "stale-membership":
      return { status: "ignored", note: "a newer event about this membership was already applied" };
    case "inactive":
      return { status: "ignored", note: "member already inactive" };
  }
}

async function deprovisioned(
  member: Pick<Parameters<typeof finishDeprovision>[0], "org" | "user">,
  reason: string,
  eventId: string,
): Promise<EventOutcome> {
  await finishDeprovision({ ...member, reason, eventId });
  return { status: "processed", note: `${member.user.email} deprovisioned` };
}
