import "server-only";
import { claimClock, inDirectoryTransaction } from "@/lib/db/system/directory-clock";
import { findUserByEmail, upsertUserFromDirectory } from "@/lib/db/system/users";
import { stampOf } from "@/lib/domain/directory/event-order";
import { applyDirectoryUserEvent } from "./apply-directory-user-event";
import { applyGroupMembershipEvent } from "./apply-group-membership-event";
import { applyMembershipEvent } from "./apply-membership-event";
import { fullName, userEventData, type WorkosEvent } from "./events";
import { type EventOutcome } from "./outcome";

export type { EventOutcome } from "./outcome";

/**
 * Applies one WorkOS event to Bosun: users and memberships (directory-managed
 * or not) are mirrored with their WorkOS role; a membership that ends, or a
 * directory user who is suspended or deleted, is deprovisioned at once; a
 * directory user joining or leaving a directory group joins or leaves the
 * teams that follow that group.
 *
 * Events arrive at least once and in any order, so each is applied only if it
 * is not older than the newest event already applied to the same object (see
 * lib/domain/directory/event-order.ts); older ones are recorded as ignored.
 * A failure that retrying can fix (WorkOS or the database unreachable) is
 * thrown, for the job queue to retry.
 */
export async function handleWorkosEvent(event: WorkosEvent): Promise<EventOutcome> {
  switch (event.event) {
    case "user.created":
    case "user.updated":
      return applyUserEvent(event);
    case "organization_membership.created":
    case "organization_membership.updated":
    case "organization_membership.deleted":
      return applyMembershipEvent(event);
    case "dsync.user.updated":
    case "dsync.user.deleted":
      return applyDirectoryUserEvent(event);
    case "dsync.group.user_added":
    case "dsync.group.user_removed":
      return applyGroupMembershipEvent(event);
    default:
      return { status: "ignored", note: `${event.event} needs no action` };
  }
}

async function applyUserEvent(event: WorkosEvent): Promise<EventOutcome> {
  const user = userEventData.parse(event.data);
  const email = user.email.toLowerCase();
  const change = await inDirectoryTransaction(async (tx) => {
    if (!(await claimClock(tx, { objectType: "user", objectId: user.id }, stampOf(event)))) return "stale" as const;
    // An e-mail still held by another Bosun user (one WorkOS has since deleted) cannot move over; retrying would not change that.
    const holder = await findUserByEmail({ email }, tx);
    if (holder && holder.workosUserId !== user.id) return "email-taken" as const;
    await upsertUserFromDirectory(
      { workosUserId: user.id, email, name: fullName(user.first_name, user.last_name, user.email) },
      tx,
    );
    return "mirrored" as const;
  });
  if (change === "stale") return { status: "ignored", note: "a newer event about this user was already applied" };
  if (change === "email-taken") return { status: "ignored", note: `${email} belongs to another Bosun user` };
  return { status: "processed", note: `user ${user.email} mirrored` };
}
