import "server-only";
import { createUserIfAbsent } from "@/lib/db/system/users";
import { findUser } from "@/lib/integrations/workos";
import { fullName } from "./events";

/**
 * A membership event can arrive before the user.created that introduces its
 * user (WorkOS does not order deliveries). Rather than skip the membership —
 * redeliveries would then be duplicates and the member never provisioned —
 * the user is read from WorkOS and mirrored first. If WorkOS cannot be
 * reached this throws, and the event is retried.
 *
 * The user's clock is left alone: what WorkOS returns is its current state,
 * and the user events still on their way are applied (or skipped as older) by
 * their own times, the newest one last.
 *
 * Returns null when WorkOS no longer has the user, or their e-mail belongs to
 * another Bosun user (which retrying would not change).
 */
export async function mirrorMissingUser(workosUserId: string) {
  const found = await findUser(workosUserId);
  if (!found) return null;
  const email = found.email.toLowerCase();
  return createUserIfAbsent({ workosUserId, email, name: fullName(found.firstName, found.lastName, found.email) });
}
