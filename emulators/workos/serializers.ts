import type { Store } from "./store";
import { qrCodeSvgDataUri } from "./qr/svg";
import { otpauthUri } from "./totp";
import type {
  AuthChallengeRecord,
  AuthFactorRecord,
  DirectoryGroupRecord,
  DirectoryRecord,
  DirectoryUserRecord,
  EventRecord,
  InvitationRecord,
  MembershipRecord,
  OrganizationRecord,
  RoleRecord,
  SessionRecord,
  UserRecord,
} from "./types";

/** Internal records → the JSON shapes of the WorkOS API (snake_case, `object` tags). */

/** How users and directory users carry a name: both parts, and the two joined (null when both are empty). */
function nameFields(person: { firstName: string | null; lastName: string | null }) {
  return {
    first_name: person.firstName,
    last_name: person.lastName,
    name: [person.firstName, person.lastName].filter(Boolean).join(" ") || null,
  };
}

export function serializeUser(user: UserRecord) {
  return {
    object: "user" as const,
    id: user.id,
    email: user.email,
    email_verified: user.emailVerified,
    ...nameFields(user),
    profile_picture_url: null,
    external_id: user.externalId,
    metadata: user.metadata,
    last_sign_in_at: user.lastSignInAt,
    locale: null,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

export function serializeOrganization(org: OrganizationRecord) {
  return {
    object: "organization" as const,
    id: org.id,
    name: org.name,
    domains: org.domains.map((d) => ({
      object: "organization_domain" as const,
      id: d.id,
      organization_id: org.id,
      domain: d.domain,
      state: d.state,
      verification_strategy: "dns" as const,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
    })),
    metadata: org.metadata,
    external_id: org.externalId,
    allow_profiles_outside_organization: false,
    created_at: org.createdAt,
    updated_at: org.updatedAt,
  };
}

/** The membership as events carry it (no embedded user or organisation name). */
export function serializeMembershipEventData(m: MembershipRecord) {
  return {
    object: "organization_membership" as const,
    id: m.id,
    user_id: m.userId,
    organization_id: m.organizationId,
    status: m.status,
    role: { slug: m.roleSlug },
    roles: [{ slug: m.roleSlug }],
    custom_attributes: {},
    directory_managed: m.directoryManaged,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

export function serializeMembership(store: Store, m: MembershipRecord) {
  const user = store.users.get(m.userId) as UserRecord;
  return {
    ...serializeMembershipEventData(m),
    organization_name: store.organizations.get(m.organizationId)?.name ?? "",
    user: serializeUser(user),
  };
}

export function serializeRole(role: RoleRecord) {
  return {
    object: "role" as const,
    id: role.id,
    slug: role.slug,
    name: role.name,
    description: role.description,
    type: "EnvironmentRole" as const,
    resource_type_slug: "organization",
    permissions: role.permissions,
    created_at: role.createdAt,
    updated_at: role.updatedAt,
  };
}

export function serializeDirectory(store: Store, directory: DirectoryRecord) {
  const users = store.directoryUsers.all().filter((u) => u.directoryId === directory.id);
  return {
    object: "directory" as const,
    id: directory.id,
    organization_id: directory.organizationId,
    external_key: directory.externalKey,
    type: "okta scim v2.0" as const,
    state: "linked" as const,
    name: directory.name,
    domain: directory.domain,
    metadata: {
      users: {
        active: users.filter((u) => u.state === "active").length,
        inactive: users.filter((u) => u.state !== "active").length,
      },
      groups: store.directoryGroups.all().filter((g) => g.directoryId === directory.id).length,
    },
    created_at: directory.createdAt,
    updated_at: directory.updatedAt,
  };
}

export function serializeDirectoryGroup(group: DirectoryGroupRecord) {
  return {
    object: "directory_group" as const,
    id: group.id,
    idp_id: group.idpId,
    directory_id: group.directoryId,
    organization_id: group.organizationId,
    name: group.name,
    raw_attributes: { displayName: group.name },
    created_at: group.createdAt,
    updated_at: group.updatedAt,
  };
}

/** A directory user as dsync events carry it (without groups). */
export function serializeDirectoryUserEventData(user: DirectoryUserRecord) {
  return {
    object: "directory_user" as const,
    id: user.id,
    directory_id: user.directoryId,
    organization_id: user.organizationId,
    idp_id: user.idpId,
    email: user.email,
    ...nameFields(user),
    emails: [{ primary: true, type: "work", value: user.email }],
    job_title: user.jobTitle,
    username: user.email,
    state: user.state,
    raw_attributes: {
      userName: user.email,
      active: user.state === "active",
      title: user.jobTitle,
      name: { givenName: user.firstName, familyName: user.lastName },
    },
    custom_attributes: { job_title: user.jobTitle },
    ...(user.roleSlug ? { role: { slug: user.roleSlug }, roles: [{ slug: user.roleSlug }] } : {}),
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

export function serializeDirectoryUser(store: Store, user: DirectoryUserRecord) {
  return {
    ...serializeDirectoryUserEventData(user),
    groups: user.groupIds
      .map((id) => store.directoryGroups.get(id))
      .filter((g): g is DirectoryGroupRecord => Boolean(g))
      .map(serializeDirectoryGroup),
  };
}

export function serializeSession(session: SessionRecord) {
  return {
    object: "session" as const,
    id: session.id,
    ip_address: session.ipAddress,
    user_agent: session.userAgent,
    user_id: session.userId,
    ...(session.organizationId ? { organization_id: session.organizationId } : {}),
    auth_method: "password" as const,
    status:
      session.status === "active" && Date.parse(session.expiresAt) <= Date.now()
        ? ("expired" as const)
        : session.status,
    expires_at: session.expiresAt,
    ended_at: session.endedAt,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}

export function serializeAuthFactor(factor: AuthFactorRecord) {
  return {
    object: "authentication_factor" as const,
    id: factor.id,
    type: "totp" as const,
    user_id: factor.userId,
    totp: { issuer: factor.issuer, user: factor.user },
    created_at: factor.createdAt,
    updated_at: factor.updatedAt,
  };
}

/**
 * The factor as enrolment returns it, the only time the secret is shown. Like
 * WorkOS, `qr_code` is an image of the otpauth URI as a QR code (here an SVG data URI).
 */
export function serializeEnrolledAuthFactor(factor: AuthFactorRecord) {
  const uri = otpauthUri(factor.issuer, factor.user, factor.secret);
  const base = serializeAuthFactor(factor);
  return {
    ...base,
    totp: {
      ...base.totp,
      secret: factor.secret,
      qr_code: qrCodeSvgDataUri(uri),
      uri,
    },
  };
}

export function serializeAuthChallenge(challenge: AuthChallengeRecord) {
  return {
    object: "authentication_challenge" as const,
    id: challenge.id,
    authentication_factor_id: challenge.factorId,
    expires_at: challenge.expiresAt,
    created_at: challenge.createdAt,
    updated_at: challenge.updatedAt,
  };
}

export function serializeInvitation(invitation: InvitationRecord, baseUrl: string) {
  return {
    object: "invitation" as const,
    id: invitation.id,
    email: invitation.email,
    state: invitation.state,
    accepted_at: invitation.acceptedAt,
    revoked_at: invitation.revokedAt,
    expires_at: invitation.expiresAt,
    organization_id: invitation.organizationId,
    inviter_user_id: invitation.inviterUserId,
    accepted_user_id: invitation.acceptedUserId,
    role_slug: invitation.roleSlug,
    token: invitation.token,
    accept_invitation_url: `${baseUrl}/invite?invitation_token=${invitation.token}`,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
}

export function serializeEvent(event: EventRecord) {
  return { object: "event" as const, id: event.id, event: event.event, data: event.data, created_at: event.createdAt };
}

export function listResponse<T>(data: T[], page: { before: string | null; after: string | null }) {
  return { object: "list" as const, data, list_metadata: { before: page.before, after: page.after } };
}
