import type { WorkosSeed } from "../seed/workos";
import { newId, nextId } from "./ids";
import type { PendingAuthentication } from "./sign-in-flow";
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

export type OAuthClientAuthMethod = "none" | "client_secret_post" | "client_secret_basic";

/** A client of the MCP authorization server (/oauth2/*), registered through RFC 7591 dynamic registration. */
export type OAuthClientRecord = {
  id: string;
  /** Only for confidential clients (`token_endpoint_auth_method` other than "none"). */
  secret: string | null;
  name: string | null;
  redirectUris: string[];
  grantTypes: string[];
  responseTypes: string[];
  tokenEndpointAuthMethod: OAuthClientAuthMethod;
  /** Other registered metadata echoed back as given (client_uri, logo_uri, scope, contacts, …). */
  extra: Record<string, unknown>;
  /** Seconds since the epoch (`client_id_issued_at`). */
  issuedAt: number;
};

/** Issued by the hosted sign-in for /oauth2/authorize, exchanged once at POST /oauth2/token. */
export type OAuthAuthorizationCode = {
  code: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  organizationId: string | null;
  codeChallenge: string;
  /** RFC 8707 resource indicator from the authorization request (the access token's `aud`). */
  resource: string | null;
  scope: string;
  nonce: string | null;
  expiresAt: number;
  used: boolean;
  /** The session started when the code was exchanged (revoked if the code is replayed). */
  sessionId: string | null;
};

/** A single-use /oauth2/token refresh token; rotated on every use. */
export type OAuthRefreshToken = {
  token: string;
  clientId: string;
  sessionId: string;
  resource: string | null;
  scope: string;
  used: boolean;
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
    oauthClients: new Table<OAuthClientRecord>(),
    oauthCodes: new Map<string, OAuthAuthorizationCode>(),
    oauthRefreshTokens: new Map<string, OAuthRefreshToken>(),
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

/**
 * Appends to the `/events` stream. Event ids sort in the order events were
 * emitted, as WorkOS's do (consumers break ties on `created_at` by the id):
 * a random ULID tail alone would not within one millisecond.
 */
export function appendEvent(
  store: Store,
  event: string,
  data: Record<string, unknown>,
  organizationId: string | null,
): EventRecord {
  const now = new Date();
  const last = store.events.all().at(-1)?.id;
  const candidate = newId("event", now.getTime());
  const id = last && candidate <= last ? nextId(last) : candidate;
  return store.events.insert({ id, event, data, organizationId, createdAt: now.toISOString() });
}
