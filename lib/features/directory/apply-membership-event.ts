import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { claimClock, inDirectoryTransaction } from "@/lib/db/system/directory-clock";
import { isStepDone, markStepDone } from "@/lib/db/system/event-steps";
import { syncMembership } from "@/lib/db/queries/memberships";
import { findOrgByWorkosId } from "@/lib/db/system/organizations";
import { findUserByWorkosId } from "@/lib/db/system/users";
import { membershipClock, stampOf } from "@/lib/domain/directory/event-order";
import { toRole } from "@/lib/integrations/workos";
import { DIRECTORY_ACTOR, finishDeprovision } from "./deprovision";
import { type EventOutcome } from "./outcome";
import { membershipEventData, toMembershipStatus, type WorkosEvent } from "./events";
import { mirrorMissingUser } from "./mirror-missing-user";

/**
 * organization_membership.created / updated / deleted: mirrors the membership
 * with its WorkOS role and status, unless a newer event about the same
 * (user, org) membership was already applied. A membership that ends is
 * deprovisioned; one that starts or changes is audited, in the same
 * transaction as the change, so a retry neither loses nor repeats the entry.
 */
export async function applyMembershipEvent(event: WorkosEvent): Promise<EventOutcome> {
  const data = membershipEventData.parse(event.data);
  const org = await findOrgByWorkosId({ workosOrgId: data.organization_id });
  if (!org) return { status: "ignored", note: "organization is not in Bosun" };
  const user = (await findUserByWorkosId({ workosUserId: data.user_id })) ?? (await mirrorMissingUser(data.user_id));
  if (!user)
    return { status: "ignored", note: "WorkOS has no such user, or their e-mail belongs to another Bosun user" };

  const deleted = event.event === "organization_membership.deleted";
  const reason = deleted ? "membership removed in WorkOS" : "membership deactivated in WorkOS";
  // A retry of an event that already ended the membership finishes what it started.
  if (await isStepDone({ eventId: event.id, step: "deactivate" })) {
    await finishDeprovision({ org, user, reason, eventId: event.id });
    return { status: "processed", note: `${user.email} deprovisioned` };
  }

  const role = toRole(data.role?.slug);
  const status = deleted ? "deactivated" : toMembershipStatus(data.status);
  const change = await inDirectoryTransaction(async (tx) => {
    if (
      !(await claimClock(
        tx,
        membershipClock({ workosUserId: data.user_id, workosOrgId: data.organization_id }),
        stampOf(event),
      ))
    )
      return "stale" as const;
    const { previous } = await syncMembership(
      {
        orgId: org.id,
        userId: user.id,
        role,
        status,
        workosMembershipId: data.id,
        directoryManaged: data.directory_managed ?? false,
      },
      tx,
    );
    if (status === "deactivated" && previous?.status === "active") {
      await markStepDone({ eventId: event.id, step: "deactivate" }, tx);
      return "ended" as const;
    }
    if (!previous && status === "active") {
      await appendAuditEntry(
        {
          orgId: org.id,
          actor: DIRECTORY_ACTOR,
          action: "member.provisioned",
          target: { type: "user", id: user.id },
          summary: `${user.name} (${user.email}) joined ${org.name} as ${role}`,
        },
        tx,
      );
      return "provisioned" as const;
    }
    if (previous && (previous.role !== role || previous.status !== status)) {
      await appendAuditEntry(
        {
          orgId: org.id,
          actor: DIRECTORY_ACTOR,
          action: "member.synced",
          target: { type: "user", id: user.id },
          summary: `${user.name}: ${previous.role}/${previous.status} → ${role}/${status} (from WorkOS)`,
          changes: { role: { from: previous.role, to: role }, status: { from: previous.status, to: status } },
        },
        tx,
      );
    }
    return "mirrored" as const;
  });

  if (change === "stale") return { status: "ignored", note: "a newer event about this membership was already applied" };
  if (change === "ended") {
    await finishDeprovision({ org, user, reason, eventId: event.id });
    return { status: "processed", note: `${user.email} deprovisioned` };
  }
  if (change === "provisioned") return { status: "processed", note: `${user.email} provisioned as ${role}` };
  return { status: "processed", note: `${user.email} is ${role}, ${status}` };
}
