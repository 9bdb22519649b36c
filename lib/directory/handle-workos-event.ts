import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { findMember, syncMembership } from "@/lib/db/queries/memberships";
import { findOrgByWorkosId } from "@/lib/db/queries/organizations";
import { findUserByEmail, findUserByWorkosId, upsertUserFromDirectory } from "@/lib/db/queries/users";
import { toRole } from "@/lib/integrations/workos";
import { DIRECTORY_ACTOR, deprovisionMember } from "./deprovision";
import { directoryUserEventData, membershipEventData, primaryEmail, toMembershipStatus, userEventData, type WorkosEvent } from "./events";

export type EventOutcome = { status: "processed" | "ignored"; note: string };

const fullName = (first?: string | null, last?: string | null, fallback = "") => [first, last].filter(Boolean).join(" ") || fallback;

/**
 * Applies one WorkOS event to Bosun: users and memberships (directory-managed
 * or not) are mirrored with their WorkOS role; a membership that ends, or a
 * directory user who is suspended or deleted, is deprovisioned at once.
 */
export async function handleWorkosEvent(event: WorkosEvent): Promise<EventOutcome> {
  switch (event.event) {
    case "user.created":
    case "user.updated": {
      const user = userEventData.parse(event.data);
      const email = user.email.toLowerCase();
      // An e-mail still held by another Bosun user (one WorkOS has since deleted) cannot move over; retrying would not change that.
      const holder = await findUserByEmail({ email });
      if (holder && holder.workosUserId !== user.id) return { status: "ignored", note: `${email} belongs to another Bosun user` };
      await upsertUserFromDirectory({ workosUserId: user.id, email, name: fullName(user.first_name, user.last_name, user.email) });
      return { status: "processed", note: `user ${user.email} mirrored` };
    }
    case "organization_membership.created":
    case "organization_membership.updated":
    case "organization_membership.deleted":
      return syncMembershipEvent(event);
    case "dsync.user.updated":
    case "dsync.user.deleted":
      return directoryUserChanged(event);
    default:
      return { status: "ignored", note: `${event.event} needs no action` };
  }
}

async function syncMembershipEvent(event: WorkosEvent): Promise<EventOutcome> {
  const data = membershipEventData.parse(event.data);
  const org = await findOrgByWorkosId({ workosOrgId: data.organization_id });
  if (!org) return { status: "ignored", note: "organization is not in Bosun" };
  const user = await findUserByWorkosId({ workosUserId: data.user_id });
  if (!user) return { status: "ignored", note: "user is not known yet (user.created comes first)" };
  const deleted = event.event === "organization_membership.deleted";
  const role = toRole(data.role?.slug);
  const status = deleted ? "deactivated" : toMembershipStatus(data.status);
  const { previous } = await syncMembership({ orgId: org.id, userId: user.id, role, status, workosMembershipId: data.id, directoryManaged: data.directory_managed ?? false });

  if (status === "deactivated" && previous?.status === "active") {
    await deprovisionMember({ org, user, reason: deleted ? "membership removed in WorkOS" : "membership deactivated in WorkOS", eventId: event.id });
    return { status: "processed", note: `${user.email} deprovisioned` };
  }
  if (!previous && status === "active") {
    await appendAuditEntry({ orgId: org.id, actor: DIRECTORY_ACTOR, action: "member.provisioned", target: { type: "user", id: user.id }, summary: `${user.name} (${user.email}) joined ${org.name} as ${role}` });
    return { status: "processed", note: `${user.email} provisioned as ${role}` };
  }
  if (previous && (previous.role !== role || previous.status !== status)) {
    await appendAuditEntry({
      orgId: org.id,
      actor: DIRECTORY_ACTOR,
      action: "member.synced",
      target: { type: "user", id: user.id },
      summary: `${user.name}: ${previous.role}/${previous.status} → ${role}/${status} (from WorkOS)`,
      changes: { role: { from: previous.role, to: role }, status: { from: previous.status, to: status } },
    });
  }
  return { status: "processed", note: `${user.email} is ${role}, ${status}` };
}

async function directoryUserChanged(event: WorkosEvent): Promise<EventOutcome> {
  const data = directoryUserEventData.parse(event.data);
  const active = event.event !== "dsync.user.deleted" && data.state === "active";
  if (active || !data.organization_id) return { status: "ignored", note: "directory user still active" };
  const org = await findOrgByWorkosId({ workosOrgId: data.organization_id });
  const email = primaryEmail(data);
  const user = email ? await findUserByEmail({ email: email.toLowerCase() }) : null;
  if (!org || !user) return { status: "ignored", note: "no matching Bosun member" };
  const member = await findMember({ orgId: org.id, userId: user.id });
  if (member?.status !== "active") return { status: "ignored", note: "member already inactive" };
  await deprovisionMember({ org, user, reason: event.event === "dsync.user.deleted" ? "deleted from the directory" : `directory state is ${data.state}`, eventId: event.id });
  return { status: "processed", note: `${user.email} deprovisioned` };
}
