import type { WorkosContext } from "./context";
import { newId, newSecret } from "./ids";
import { signJwt, verifyJwt } from "./keys";
import type { OAuthClientAuthMethod, OAuthClientRecord } from "./store";
import { isSessionLive, newJti, organizationClaims } from "./tokens";
import type { SessionRecord, UserRecord } from "./types";

/**
 * AuthKit as the OAuth 2.1 authorization server of MCP servers: the emulator's
 * base URL plays the AuthKit domain (`https://<subdomain>.authkit.app`).
 * Discovery (RFC 8414 / OIDC), dynamic client registration (RFC 7591), access
 * tokens and their checks live here; the routes are in routes/oauth2.ts.
 */

export const OAUTH_SCOPES = ["openid", "profile", "email", "offline_access"] as const;
export const OAUTH_GRANT_TYPES = ["authorization_code", "refresh_token"] as const;
export const OAUTH_AUTH_METHODS: readonly OAuthClientAuthMethod[] = [
  "none",
  "client_secret_post",
  "client_secret_basic",
];

/** RFC 8414 authorization-server metadata (`/.well-known/oauth-authorization-server`). */
export function authorizationServerMetadata(context: WorkosContext) {
  const base = context.config.baseUrl;
  return {
    issuer: base,
    authorization_endpoint: `${base}/oauth2/authorize`,
    token_endpoint: `${base}/oauth2/token`,
    registration_endpoint: `${base}/oauth2/register`,
    jwks_uri: `${base}/oauth2/jwks`,
    introspection_endpoint: `${base}/oauth2/introspection`,
    response_types_supported: ["code"],
    grant_types_supported: [...OAUTH_GRANT_TYPES],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: [...OAUTH_AUTH_METHODS],
    scopes_supported: [...OAUTH_SCOPES],
  };
}

/** OpenID Connect discovery (`/.well-known/openid-configuration`): the same plus the OIDC fields. */
export function openIdConfiguration(context: WorkosContext) {
  return {
    ...authorizationServerMetadata(context),
    userinfo_endpoint: `${context.config.baseUrl}/oauth2/userinfo`,
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
  };
}

// ---------------------------------------------------------------------------
// Dynamic client registration (RFC 7591)

export type RegistrationError = {
  error: "invalid_redirect_uri" | "invalid_client_metadata";
  error_description: string;
};

/** Metadata echoed back as given when registered (strings, or a string list for `contacts`). */
const ECHOED_STRINGS = ["client_uri", "logo_uri", "scope", "tos_uri", "policy_uri", "software_id", "software_version"];

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https, or http on a loopback host (native and CLI MCP clients); no fragment. */
export function redirectUriProblem(value: unknown): string | null {
  if (typeof value !== "string" || value === "") return "Each redirect URI must be a non-empty string.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `'${value}' is not an absolute URI.`;
  }
  if (value.includes("#")) return `'${value}' must not contain a fragment.`;
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.protocol === "http:")
    return `'${value}' uses http on a non-loopback host; use https (http is allowed for localhost, 127.0.0.1 and [::1] only).`;
  return `'${value}' must be an http(s) URI.`;
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null;
}

type ClientMetadata = Omit<OAuthClientRecord, "id" | "secret" | "issuedAt">;

/** Validates a registration request body; defaults: `grant_types` both, `response_types` code, auth method none. */
export function parseClientMetadata(
  body: unknown,
): { ok: true; metadata: ClientMetadata } | { ok: false; error: RegistrationError } {
  const fail = (error: RegistrationError["error"], description: string) => ({
    ok: false as const,
    error: { error, error_description: description },
  });
  if (!body || typeof body !== "object" || Array.isArray(body))
    return fail("invalid_client_metadata", "The request body must be a JSON object of client metadata.");
  const input = body as Record<string, unknown>;

  const redirectUris = stringList(input.redirect_uris);
  if (!redirectUris || redirectUris.length === 0)
    return fail("invalid_redirect_uri", "redirect_uris is required: a non-empty array of redirect URIs.");
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem) return fail("invalid_redirect_uri", problem);
  }

  const method = input.token_endpoint_auth_method ?? "none";
  if (typeof method !== "string" || !OAUTH_AUTH_METHODS.includes(method as OAuthClientAuthMethod)) {
    return fail(
      "invalid_client_metadata",
      `token_endpoint_auth_method must be one of ${OAUTH_AUTH_METHODS.join(", ")}.`,
    );
  }

  const grantTypes = input.grant_types === undefined ? [...OAUTH_GRANT_TYPES] : stringList(input.grant_types);
  if (!grantTypes || grantTypes.length === 0)
    return fail("invalid_client_metadata", "grant_types must be a non-empty array of strings.");
  const unsupportedGrant = grantTypes.find((g) => !(OAUTH_GRANT_TYPES as readonly string[]).includes(g));
  if (unsupportedGrant)
    return fail(
      "invalid_client_metadata",
      `Grant type '${unsupportedGrant}' is not supported; use ${OAUTH_GRANT_TYPES.join(" and/or ")}.`,
    );
  if (!grantTypes.includes("authorization_code"))
    return fail("invalid_client_metadata", "grant_types must include authorization_code.");

  const responseTypes = input.response_types === undefined ? ["code"] : stringList(input.response_types);
  if (!responseTypes || responseTypes.length === 0 || responseTypes.some((r) => r !== "code"))
    return fail("invalid_client_metadata", 'response_types must be ["code"].');

  if (input.client_name !== undefined && typeof input.client_name !== "string")
    return fail("invalid_client_metadata", "client_name must be a string.");

  const extra: Record<string, unknown> = {};
  for (const key of ECHOED_STRINGS) {
    if (input[key] === undefined) continue;
    if (typeof input[key] !== "string") return fail("invalid_client_metadata", `${key} must be a string.`);
    extra[key] = input[key];
  }
  if (input.contacts !== undefined) {
    const contacts = stringList(input.contacts);
    if (!contacts) return fail("invalid_client_metadata", "contacts must be an array of strings.");
    extra.contacts = contacts;
  }

  return {
    ok: true,
    metadata: {
      name: (input.client_name as string | undefined) || null,
      redirectUris: [...new Set(redirectUris)],
      grantTypes: [...new Set(grantTypes)],
      responseTypes: [...new Set(responseTypes)],
      tokenEndpointAuthMethod: method as OAuthClientAuthMethod,
      extra,
    },
  };
}

/** Stores a client; the id is `client_` + a ULID-like tail, a secret is made for confidential clients. */
export function registerOAuthClient(
  context: WorkosContext,
  metadata: ClientMetadata,
  fixed: { id?: string; secret?: string } = {},
): OAuthClientRecord {
  const now = Date.now();
  return context.store.oauthClients.insert({
    id: fixed.id ?? newId("client", now),
    secret: metadata.tokenEndpointAuthMethod === "none" ? null : (fixed.secret ?? newSecret(32)),
    issuedAt: Math.floor(now / 1000),
    ...metadata,
  });
}

/** The RFC 7591 registration response (also the control API's view). */
export function serializeOAuthClient(client: OAuthClientRecord) {
  return {
    client_id: client.id,
    client_id_issued_at: client.issuedAt,
    ...(client.secret ? { client_secret: client.secret, client_secret_expires_at: 0 } : {}),
    ...(client.name ? { client_name: client.name } : {}),
    redirect_uris: client.redirectUris,
    grant_types: client.grantTypes,
    response_types: client.responseTypes,
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    ...client.extra,
  };
}

// ---------------------------------------------------------------------------
// Tokens

/** Space-separated scopes, deduplicated, or the unsupported one. Omitted means all supported scopes. */
export function parseScope(
  value: string | null | undefined,
): { ok: true; scopes: string[] } | { ok: false; unsupported: string } {
  if (value === null || value === undefined || value.trim() === "") return { ok: true, scopes: [...OAUTH_SCOPES] };
  const scopes = [...new Set(value.split(/\s+/).filter(Boolean))];
  const unsupported = scopes.find((s) => !(OAUTH_SCOPES as readonly string[]).includes(s));
  return unsupported ? { ok: false, unsupported } : { ok: true, scopes };
}

/** An RFC 8707 resource indicator: an absolute URI without a fragment. */
export const isResourceIndicator = (value: string) => URL.canParse(value) && !value.includes("#");

/** OIDC claims of the user allowed by the scopes (`profile` → names, `email` → email). */
export function userClaims(user: UserRecord, scopes: string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  if (scopes.includes("email")) {
    claims.email = user.email;
    claims.email_verified = user.emailVerified;
  }
  if (scopes.includes("profile")) {
    claims.name = [user.firstName, user.lastName].filter(Boolean).join(" ") || null;
    claims.given_name = user.firstName;
    claims.family_name = user.lastName;
  }
  return claims;
}

export type IssueInput = {
  client: OAuthClientRecord;
  session: SessionRecord;
  resource: string | null;
  scope: string;
  nonce?: string | null;
  idToken?: boolean;
};

/**
 * The /oauth2/token answer: an RS256 access token (`iss` = the AuthKit domain,
 * `aud` = the resource or else the client id, `client_id`, `org_id`, `role`, …),
 * a rotated single-use refresh token when the client may refresh, and an
 * `id_token` for `openid` on the code grant.
 */
export function issueOAuthTokens(context: WorkosContext, input: IssueInput) {
  const { client, session, resource, scope } = input;
  const { config, store } = context;
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + config.accessTokenTtlSeconds;
  const accessClaims = {
    iss: config.baseUrl,
    sub: session.userId,
    aud: resource ?? client.id,
    client_id: client.id,
    sid: session.id,
    jti: newJti(),
    iat,
    exp,
    scope,
    ...organizationClaims(context, session.userId, session.organizationId),
  };
  const body: Record<string, unknown> = {
    access_token: signJwt(context.signingKey, accessClaims),
    token_type: "Bearer",
    expires_in: config.accessTokenTtlSeconds,
  };
  if (client.grantTypes.includes("refresh_token")) {
    const token = newSecret(32);
    store.oauthRefreshTokens.set(token, {
      token,
      clientId: client.id,
      sessionId: session.id,
      resource,
      scope,
      used: false,
    });
    body.refresh_token = token;
  }
  body.scope = scope;
  const scopes = scope.split(" ");
  const user = store.users.get(session.userId);
  if (input.idToken && scopes.includes("openid") && user) {
    body.id_token = signJwt(context.signingKey, {
      iss: config.baseUrl,
      sub: session.userId,
      aud: client.id,
      iat,
      exp,
      sid: session.id,
      ...(input.nonce ? { nonce: input.nonce } : {}),
      ...userClaims(user, scopes),
      ...(session.organizationId ? { org_id: session.organizationId } : {}),
    });
  }
  return body;
}

/** The claims of a live /oauth2 access token (our signature and issuer, not expired, session not ended), or null. */
export function verifyOAuthAccessToken(context: WorkosContext, token: string): Record<string, unknown> | null {
  const claims = verifyJwt(context.signingKey, token);
  if (!claims || claims.iss !== context.config.baseUrl || typeof claims.client_id !== "string") return null;
  if (typeof claims.exp !== "number" || claims.exp <= Date.now() / 1000) return null;
  const session = typeof claims.sid === "string" ? context.store.sessions.get(claims.sid) : undefined;
  if (!session || !isSessionLive(session)) return null;
  return claims;
}
