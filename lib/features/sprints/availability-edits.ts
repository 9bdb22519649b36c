import "server-only";
import { addAvailability, deleteAvailability, findAvailability, setAllocation } from "@/lib/db/queries/availability";
import { findMember } from "@/lib/db/queries/memberships";
import { auditAction, type ActionWho } from "@/lib/platform/actions/audit-action";

/** Availability and allocation belong to active members only; a departed person's entries are not edited. */
async function findActiveMember(orgId: string, userId: string) {
  const member = await findMember({ orgId, userId });
  return member?.status === "active" ? member : null;
}

/** Records time off or on-call for an active member; `null` when the person is not one. */
export async function addAvailabilityEntry(
  editor: ActionWho,
  entry: { userId: string; kind: "time_off" | "on_call"; startsOn: string; endsOn: string; note: string | null },
): Promise<{ memberName: string } | null> {
  const member = await findActiveMember(editor.org.id, entry.userId);
  if (!member) return null;
  await addAvailability({
    orgId: editor.org.id,
    membershipId: member.id,
    kind: entry.kind,
    startsOn: entry.startsOn,
    endsOn: entry.endsOn,
    note: entry.note,
  });
  const what = entry.kind === "time_off" ? "time off" : "on call";
  await auditAction(editor, {
    action: "availability.added",
    target: { type: "user", id: member.user.id },
    summary: `${member.user.name}: ${what} ${entry.startsOn} to ${entry.endsOn}`,
  });
  return { memberName: member.user.name };
}

/** Whose entry it is, so the caller can check who may remove it; `null` when it no longer exists. */
export async function findAvailabilityEntryOwner({ orgId, id }: { orgId: string; id: string }): Promise<string | null> {
  return (await findAvailability({ orgId, id }))?.membership.userId ?? null;
}

export async function removeAvailabilityEntry(editor: ActionWho, id: string): Promise<void> {
  await deleteAvailability({ orgId: editor.org.id, id });
  await auditAction(editor, {
    action: "availability.removed",
    target: { type: "availability", id },
    summary: "Removed a time-off or on-call entry",
  });
}

/** Sets the share of an active member's time that goes to sprint work; `null` when the person is not one. */
export async function setMemberAllocation(
  editor: ActionWho,
  { userId, allocationPercent }: { userId: string; allocationPercent: number },
): Promise<{ memberName: string } | null> {
  const member = await findActiveMember(editor.org.id, userId);
  if (!member) return null;
  await setAllocation({ orgId: editor.org.id, userId, allocationPercent });
  await auditAction(editor, {
    action: "availability.allocation_set",
    target: { type: "user", id: member.user.id },
    summary: `${member.user.name} is allocated ${allocationPercent}% to sprint work`,
  });
  return { memberName: member.user.name };
}
