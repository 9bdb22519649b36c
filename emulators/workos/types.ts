/** Internal records of the WorkOS emulator's state (serialized to API shapes in serializers.ts). */

export type RoleSlug = "admin" | "manager" | "member";

export type UserRecord = {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  emailVerified: boolean;
  externalId: string | null;
  metadata: Record<string, string>;
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
  password: string;
};

export type OrganizationRecord = {
  id: string;
  slug: string;
  name: string;
  domains: { id: string; domain: string; state: "verified" | "pending"; createdAt: string; updatedAt: string }[];
  externalId: string | null;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
};

export type MembershipStatus = "active" | "inactive" | "pending";

export type MembershipRecord = {
  id: string;
  userId: string;
  organizationId: string;
  roleSlug: string;
  status: MembershipStatus;
  directoryManaged: boolean;
  createdAt: string;
  updatedAt: string;
};

export type RoleRecord = {
  id: string;
  organizationId: string;
  slug: RoleSlug;
  name: string;
  description: string;
  permissions: string[];
  createdAt: string;
  updatedAt: string;
};

export type DirectoryRecord = {
  id: string;
  organizationId: string;
  externalKey: string;
  name: string;
  domain: string;
  createdAt: string;
  updatedAt: string;
};

export type DirectoryUserState = "active" | "suspended" | "inactive";

export type DirectoryUserRecord = {
  id: string;
  directoryId: string;
  organizationId: string;
  idpId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  jobTitle: string | null;
  state: DirectoryUserState;
  roleSlug: string | null;
  groupIds: string[];
  createdAt: string;
  updatedAt: string;
};

export type DirectoryGroupRecord = {
  id: string;
  idpId: string;
  directoryId: string;
  organizationId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
};

/** A TOTP authenticator; `user` is the account name shown in the app, `secret` base32. */
export type AuthFactorRecord = {
  id: string;
  userId: string;
  issuer: string;
  user: string;
  secret: string;
  createdAt: string;
  updatedAt: string;
};

/** One attempt to verify a factor; single-use once a right code is given. */
export type AuthChallengeRecord = {
  id: string;
  factorId: string;
  verified: boolean;
  failedAttempts: number;
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
};

export type EventRecord = {
  id: string;
  event: string;
  data: Record<string, unknown>;
  organizationId: string | null;
  createdAt: string;
};

export type InvitationRecord = {
  id: string;
  email: string;
  state: "pending" | "accepted" | "expired" | "revoked";
  acceptedAt: string | null;
  revokedAt: string | null;
  expiresAt: string;
  organizationId: string | null;
  inviterUserId: string | null;
  acceptedUserId: string | null;
  roleSlug: string | null;
  token: string;
  createdAt: string;
  updatedAt: string;
};

export type SessionRecord = {
  id: string;
  userId: string;
  organizationId: string | null;
  status: "active" | "expired" | "revoked";
  ipAddress: string | null;
  userAgent: string | null;
  expiresAt: string;
  endedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type AuditLogEventRecord = {
  id: string;
  organizationId: string;
  idempotencyKey: string | null;
  receivedAt: string;
  event: Record<string, unknown>;
};
