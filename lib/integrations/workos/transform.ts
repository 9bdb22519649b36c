import type { Invitation, OrganizationMembership, Session, User } from "@workos-inc/node";
import type { WorkosInvitation, WorkosMembership, WorkosRole, WorkosSessionSummary, WorkosUserSummary } from "./types";

const ROLES: readonly WorkosRole[] = ["admin", "manager", "member"];

/** Bosun's three roles; any other WorkOS role slug maps to the least powerful one. */
export function toRole(slug: string | undefined): WorkosRole {
  return ROLES.includes(slug as WorkosRole) ? (slug as WorkosRole) : "member";
}

export function toMembership(membership: OrganizationMembership): WorkosMembership {
  return {
    id: membership.id,
    userId: membership.userId,
    organizationId: membership.organizationId,
    role: toRole(membership.role?.slug),
    status: membership.status,
    directoryManaged: Boolean((membership as { directoryManaged?: boolean }).directoryManaged),
  };
}

export function toInvitation(invitation: Invitation): WorkosInvitation {
  return {
    id: invitation.id,
    email: invitation.email,
    state: invitation.state,
    organizationId: invitation.organizationId ?? null,
    expiresAt: invitation.expiresAt,
    createdAt: invitation.createdAt,
  };
}

export function toUserSummary(user: User): WorkosUserSummary {
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName };
}

export function toSessionSummary(session: Session): WorkosSessionSummary {
  return {
    id: session.id,
    userId: session.userId,
    organizationId: session.organizationId ?? null,
    status: session.status,
  };
}
