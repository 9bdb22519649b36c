/**
 * Whose personal data an admin may erase, and how far it reaches. Only someone
 * who has left this organization (deactivated or removed) can be erased; their
 * data in this organization always goes. Name, e-mail and avatar live on the
 * user, shared by every organization the person belongs to, so they are erased
 * only when no other organization still holds a membership of theirs, of any
 * status: one that still lists them (even as departed) needs the name to find
 * and erase its own mentions of them later.
 */
export type MembershipStatus = "active" | "invited" | "deactivated";

export type ErasurePlan =
  | { ok: true; scope: "org" | "everywhere" }
  | { ok: false; reason: "still-member"; status: Exclude<MembershipStatus, "deactivated"> };

export function planErasure({
  status,
  elsewhere,
}: {
  status: MembershipStatus;
  elsewhere: MembershipStatus[];
}): ErasurePlan {
  if (status !== "deactivated") return { ok: false, reason: "still-member", status };
  return { ok: true, scope: elsewhere.length === 0 ? "everywhere" : "org" };
}
