import type { WorkosSeed } from "../seed/workos";
import { newId } from "./ids";
import { Table } from "./table";
import type {
  AuditLogEventRecord,
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

/** Issued by the hosted sign-in page, exchanged once at POST /user_management/authenticate. */
export type AuthorizationCode = {
  code: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  organizationId: string | null;
  codeChallenge: string | null;
  expiresAt: number;
  used: boolean;
};

export type RefreshToken = { token: string; sessionId: string; used: boolean };

/** A sign-in between the password step and the redirect (TOTP and organisation choice). */
export type PendingAuthentication = {
  token: string;
  userId: string;
  authorizeParams: Record<string, string>;
  totpVerified: boolean;
  expiresAt: number;
};

export type Store = ReturnType<typeof createStore>;

export function createStore(seed: WorkosSeed) {
  const store = {
    users: new Table<UserRecord>(seed.users),
    organizations: new Table<OrganizationRecord>(seed.organizations),
    memberships: new Table<MembershipRecord>(seed.memberships),
    roles: new Table<RoleRecord>(seed.roles),
    directories: new Table<DirectoryRecord>(seed.directories),
    directoryUsers: new Table<DirectoryUserRecord>(seed.directoryUsers),
    directoryGroups: new Table<DirectoryGroupRecord>(seed.directoryGroups),
    authFactors: new Table<AuthFactorRecord>(seed.authFactors),
    authChallenges: new Table<AuthChallengeRecord>(),
    events: new Table<EventRecord>(seed.events),
    invitations: new Table<InvitationRecord>(),
    sessions: new Table<SessionRecord>(),
    auditLogEvents: new Table<AuditLogEventRecord>(),
    codes: new Map<string, AuthorizationCode>(),
    refreshTokens: new Map<string, RefreshToken>(),
    pending: new Map<string, PendingAuthentication>(),
    userIdByEmail: new Map(seed.users.map((u) => [u.email.toLowerCase(), u.id])),
    orgIdBySlug: new Map(seed.organizations.map((o) => [o.slug, o.id])),
  };
  return store;
}

export function findUserByEmail(store: Store, email: string): UserRecord | undefined {
  const id = store.userIdByEmail.get(email.trim().toLowerCase());
  return id ? store.users.get(id) : undefined;
}

export function insertUser(store: Store, user: UserRecord) {
  store.users.insert(user);
  store.userIdByEmail.set(user.email.toLowerCase(), user.id);
}

/** Accepts an organisation id or its Bosun slug (acme, globex). */
export function findOrganization(store: Store, idOrSlug: string): OrganizationRecord | undefined {
  return store.organizations.get(idOrSlug) ?? store.organizations.get(store.orgIdBySlug.get(idOrSlug) ?? "");
}

export function membershipsOfUser(store: Store, userId: string): MembershipRecord[] {
  return store.memberships.all().filter((m) => m.userId === userId);
}

export function findMembership(store: Store, userId: string, organizationId: string): MembershipRecord | undefined {
  return store.memberships.all().find((m) => m.userId === userId && m.organizationId === organizationId);
}

/** The user's TOTP factors; the hosted sign-in asks for a code when there is one. */
export function factorsOfUser(store: Store, userId: string): AuthFactorRecord[] {
  return store.authFactors.all().filter((f) => f.userId === userId);
}

export function findRole(store: Store, organizationId: string, slug: string): RoleRecord | undefined {
  return store.roles.all().find((r) => r.organizationId === organizationId && r.slug === slug);
}

/** Appends to the `/events` stream. */
export function appendEvent(store: Store, event: string, data: Record<string, unknown>, organizationId: string | null): EventRecord {
  const now = new Date();
  return store.events.insert({ id: newId("event", now.getTime()), event, data, organizationId, createdAt: now.toISOString() });
}
