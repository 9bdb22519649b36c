import { createHash } from "node:crypto";
import { type EmulatorRequest, type EmulatorResponse, type Router, parseForm } from "../../common/http";
import type { WorkosContext } from "../context";
import { safeEqual, stringField } from "../http-helpers";
import {
  authorizationServerMetadata,
  isResourceIndicator,
  issueOAuthTokens,
  openIdConfiguration,
  parseClientMetadata,
  parseScope,
  registerOAuthClient,
  serializeOAuthClient,
  userClaims,
  verifyOAuthAccessToken,
} from "../oauth";
import { renderMessage } from "../sign-in-page";
import type { FlowValidation, SignInFlow } from "../sign-in-flow";
import { findMembership, type OAuthClientRecord } from "../store";
import { isSessionLive, revokeSession, startSession } from "../tokens";
import { CODE_FLOW_PARAMS, html, isCodeChallenge, newCodeGrant, openSignIn, registerSignInFlow } from "./authorize";

/**
 * AuthKit's OAuth 2.1 authorization server for MCP clients, served at the
 * AuthKit domain (this emulator's base URL): discovery, dynamic client
 * registration, /oauth2/authorize (the hosted sign-in, shared with
 * /user_management/authorize), /oauth2/token, JWKS, introspection, userinfo.
 */

const CARRIED_PARAMS = [...CODE_FLOW_PARAMS, "scope", "resource", "nonce"];

/** CORS for browser-based MCP clients (MCP Inspector and the like). */
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, content-type, mcp-protocol-version",
  "access-control-allow-methods": "GET, POST, OPTIONS",
};
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

const json = (status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse => ({
  status,
  headers: { ...CORS, ...headers },
  body,
});
const oauthError = (error: string, description: string, status = 400, headers: Record<string, string> = {}) =>
  json(status, { error, error_description: description }, { ...NO_STORE, ...headers });

/** Form-encoded (the standard) or JSON request bodies as a flat record; null for unreadable JSON. */
function readOAuthBody(req: EmulatorRequest): Record<string, unknown> | null {
  const type = String(req.headers["content-type"] ?? "");
  if (!type.includes("json")) return Object.fromEntries(parseForm(req));
  if (!req.rawBody) return {};
  try {
    const body = JSON.parse(req.rawBody) as unknown;
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Authorization endpoint

function redirectError(redirectUri: string, error: string, description: string, state: string | null): FlowValidation {
  const location = new URL(redirectUri);
  location.searchParams.set("error", error);
  location.searchParams.set("error_description", description);
  if (state !== null) location.searchParams.set("state", state);
  return {
    ok: false,
    response: { status: 302, headers: { location: location.toString(), "cache-control": "no-store" } },
  };
}

const badRequestPage = (message: string): FlowValidation => ({
  ok: false,
  response: html(400, renderMessage("Invalid authorization request", message)),
});

function oauthFlow(context: WorkosContext): SignInFlow {
  return {
    signInAction: "/authkit/oauth2/sign-in",
    validate(source) {
      // Problems with the client or its redirect URI are shown, never redirected (RFC 6749 §4.1.2.1).
      const clientId = source.get("client_id") ?? "";
      if (!clientId) return badRequestPage("client_id is required.");
      const client = context.store.oauthClients.get(clientId);
      if (!client) return badRequestPage(`Unknown client '${clientId}'. Register it at /oauth2/register first.`);
      const redirectUri = source.get("redirect_uri") ?? "";
      if (!redirectUri) return badRequestPage("redirect_uri is required.");
      if (!client.redirectUris.includes(redirectUri))
        return badRequestPage(`'${redirectUri}' is not a registered redirect URI of client '${clientId}'.`);

      const state = source.get("state");
      const fail = (error: string, description: string) => redirectError(redirectUri, error, description, state);
      const responseType = source.get("response_type") ?? "";
      if (!responseType) return fail("invalid_request", "response_type is required.");
      if (responseType !== "code" || !client.responseTypes.includes("code"))
        return fail("unsupported_response_type", "response_type must be 'code'.");
      const challenge = source.get("code_challenge") ?? "";
      if (!challenge) return fail("invalid_request", "code_challenge is required (PKCE with S256).");
      if ((source.get("code_challenge_method") ?? "") !== "S256")
        return fail("invalid_request", "code_challenge_method must be 'S256'.");
      if (!isCodeChallenge(challenge))
        return fail("invalid_request", "code_challenge must be a base64url-encoded SHA-256 hash.");
      const scope = parseScope(source.get("scope"));
      if (!scope.ok) return fail("invalid_scope", `Scope '${scope.unsupported}' is not supported.`);
      const resources = source.getAll("resource");
      if (resources.length > 1) return fail("invalid_target", "Give at most one resource.");
      if (resources[0] !== undefined && !isResourceIndicator(resources[0]))
        return fail("invalid_target", "resource must be an absolute URI without a fragment.");

      const params: Record<string, string> = {};
      for (const key of CARRIED_PARAMS) if (source.get(key)) params[key] = source.get(key) as string;
      params.scope = scope.scopes.join(" ");
      return { ok: true, params };
    },
    lead(params) {
      const client = context.store.oauthClients.get(params.client_id ?? "");
      return `Continue to Bosun from ${client?.name ?? "an application"}`;
    },
    issueCode(pending, organizationId) {
      const { authorizeParams: params } = pending;
      const grant = newCodeGrant(pending, organizationId);
      context.store.oauthCodes.set(grant.code, {
        ...grant,
        codeChallenge: params.code_challenge as string,
        resource: params.resource ?? null,
        scope: params.scope as string,
        nonce: params.nonce ?? null,
        sessionId: null,
      });
      return grant.code;
    },
  };
}

// ---------------------------------------------------------------------------
// Token endpoint

type ClientAuth = { ok: true; client: OAuthClientRecord } | { ok: false; response: EmulatorResponse };

/** client_secret_basic, client_secret_post or a public client's bare client_id. */
function authenticateClient(context: WorkosContext, req: EmulatorRequest, body: Record<string, unknown>): ClientAuth {
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? "");
  const invalid = (description: string): ClientAuth => ({
    ok: false,
    response: basic
      ? oauthError("invalid_client", description, 401, { "www-authenticate": 'Basic realm="oauth2"' })
      : oauthError("invalid_client", description),
  });
  let clientId = stringField(body, "client_id");
  let secret = stringField(body, "client_secret");
  if (basic) {
    const decoded = Buffer.from(basic[1] as string, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return invalid("Malformed Basic credentials.");
    const unescape = (value: string) => decodeURIComponent(value.replace(/\+/g, " "));
    const basicId = unescape(decoded.slice(0, colon));
    if (clientId && clientId !== basicId) return invalid("client_id in the body differs from the Basic credentials.");
    clientId = basicId;
    secret = unescape(decoded.slice(colon + 1));
  }
  if (!clientId) return { ok: false, response: oauthError("invalid_request", "client_id is required.") };
  const client = context.store.oauthClients.get(clientId);
  if (!client) return invalid(`Unknown client '${clientId}'.`);
  if (client.secret && (!secret || !safeEqual(secret, client.secret)))
    return invalid(secret ? "Invalid client secret." : "This client must authenticate with its client_secret.");
  return { ok: true, client };
}

const tokenResponse = (body: Record<string, unknown>) => json(200, body, NO_STORE);

async function authorizationCodeGrant(
  context: WorkosContext,
  client: OAuthClientRecord,
  body: Record<string, unknown>,
  userAgent: string | null,
): Promise<EmulatorResponse> {
  const code = stringField(body, "code");
  const redirectUri = stringField(body, "redirect_uri");
  const verifier = stringField(body, "code_verifier");
  if (!code) return oauthError("invalid_request", "code is required.");
  if (!redirectUri) return oauthError("invalid_request", "redirect_uri is required.");
  if (!verifier) return oauthError("invalid_request", "code_verifier is required (PKCE).");

  const grant = context.store.oauthCodes.get(code);
  if (!grant || grant.clientId !== client.id) return oauthError("invalid_grant", "The authorization code is invalid.");
  if (grant.used) {
    // A replayed code: revoke what it was exchanged for (RFC 6749 §4.1.2).
    const session = grant.sessionId ? context.store.sessions.get(grant.sessionId) : undefined;
    if (session) await revokeSession(context, session);
    return oauthError("invalid_grant", "The authorization code has already been used.");
  }
  grant.used = true;
  if (grant.expiresAt < Date.now()) return oauthError("invalid_grant", "The authorization code has expired.");
  if (grant.redirectUri !== redirectUri)
    return oauthError("invalid_grant", "redirect_uri does not match the one of the authorization request.");
  const computed = createHash("sha256").update(verifier).digest("base64url");
  if (!safeEqual(computed, grant.codeChallenge))
    return oauthError("invalid_grant", "The code_verifier does not match the code_challenge.");
  const resource = stringField(body, "resource");
  if (resource !== undefined && resource !== grant.resource)
    return oauthError("invalid_target", "resource does not match the one of the authorization request.");
  if (!context.store.users.get(grant.userId)) return oauthError("invalid_grant", "The user no longer exists.");

  const session = await startSession(context, {
    userId: grant.userId,
    organizationId: grant.organizationId,
    ipAddress: null,
    userAgent,
  });
  grant.sessionId = session.id;
  return tokenResponse(
    issueOAuthTokens(context, {
      client,
      session,
      resource: grant.resource,
      scope: grant.scope,
      nonce: grant.nonce,
      idToken: true,
    }),
  );
}

function refreshTokenGrant(
  context: WorkosContext,
  client: OAuthClientRecord,
  body: Record<string, unknown>,
): EmulatorResponse {
  const token = stringField(body, "refresh_token");
  if (!token) return oauthError("invalid_request", "refresh_token is required.");
  const record = context.store.oauthRefreshTokens.get(token);
  if (!record || record.clientId !== client.id) return oauthError("invalid_grant", "The refresh token is invalid.");
  if (record.used) return oauthError("invalid_grant", "The refresh token has already been used.");
  const session = context.store.sessions.get(record.sessionId);
  if (!session || !isSessionLive(session))
    return oauthError("invalid_grant", "The session of this refresh token has ended.");
  if (session.organizationId) {
    const membership = findMembership(context.store, session.userId, session.organizationId);
    if (!membership || membership.status !== "active")
      return oauthError("invalid_grant", "The user is no longer an active member of the organization.");
  }
  const resource = stringField(body, "resource");
  if (resource !== undefined && resource !== record.resource)
    return oauthError("invalid_target", "resource does not match the one of the original grant.");
  let scope = record.scope;
  const requested = stringField(body, "scope");
  if (requested !== undefined) {
    const granted = record.scope.split(" ");
    const narrowed = [...new Set(requested.split(/\s+/).filter(Boolean))];
    const extra = narrowed.find((s) => !granted.includes(s));
    if (extra) return oauthError("invalid_scope", `Scope '${extra}' was not granted.`);
    if (narrowed.length > 0) scope = narrowed.join(" ");
  }
  record.used = true;
  session.updatedAt = new Date().toISOString();
  return tokenResponse(issueOAuthTokens(context, { client, session, resource: record.resource, scope }));
}

// ---------------------------------------------------------------------------
// Introspection and userinfo

function introspect(context: WorkosContext, token: string): Record<string, unknown> {
  const claims = verifyOAuthAccessToken(context, token);
  if (claims) {
    const { sub, client_id, exp, iat, iss, aud, scope, sid, jti, org_id, role } = claims;
    return {
      active: true,
      token_type: "access_token",
      sub,
      client_id,
      exp,
      iat,
      iss,
      aud,
      scope,
      sid,
      jti,
      ...(org_id ? { org_id } : {}),
      ...(role ? { role } : {}),
    };
  }
  const refresh = context.store.oauthRefreshTokens.get(token);
  const session = refresh && !refresh.used ? context.store.sessions.get(refresh.sessionId) : undefined;
  if (refresh && session && isSessionLive(session)) {
    return {
      active: true,
      token_type: "refresh_token",
      sub: session.userId,
      client_id: refresh.clientId,
      exp: Math.floor(Date.parse(session.expiresAt) / 1000),
      scope: refresh.scope,
      sid: session.id,
      ...(session.organizationId ? { org_id: session.organizationId } : {}),
    };
  }
  return { active: false };
}

function bearerToken(req: EmulatorRequest): string | null {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? null;
}

function userinfo(context: WorkosContext, req: EmulatorRequest): EmulatorResponse {
  const token = bearerToken(req);
  const challenge = (error: string, description: string) =>
    json(
      401,
      { error, error_description: description },
      { "www-authenticate": `Bearer error="${error}", error_description="${description}"` },
    );
  if (!token)
    return json(
      401,
      { error: "invalid_request", error_description: "A Bearer access token is required." },
      { "www-authenticate": 'Bearer realm="oauth2"' },
    );
  const claims = verifyOAuthAccessToken(context, token);
  const user = claims ? context.store.users.get(claims.sub as string) : undefined;
  if (!claims || !user) return challenge("invalid_token", "The access token is invalid or has expired.");
  const scopes = String(claims.scope ?? "").split(" ");
  return json(
    200,
    { sub: user.id, ...userClaims(user, scopes), ...(claims.org_id ? { org_id: claims.org_id } : {}) },
    NO_STORE,
  );
}

// ---------------------------------------------------------------------------

export function registerOAuthRoutes(router: Router, context: WorkosContext) {
  const flow = oauthFlow(context);
  const preflight = () => ({ status: 204, headers: { ...CORS, "access-control-max-age": "86400" } });
  for (const path of [
    "/.well-known/oauth-authorization-server",
    "/.well-known/openid-configuration",
    "/oauth2/register",
    "/oauth2/token",
    "/oauth2/jwks",
    "/oauth2/introspection",
    "/oauth2/userinfo",
  ]) {
    router.add("OPTIONS", path, preflight);
  }

  // GET /.well-known/oauth-authorization-server - RFC 8414 metadata; /.well-known/openid-configuration - OIDC discovery
  router.get("/.well-known/oauth-authorization-server", () => json(200, authorizationServerMetadata(context)));
  router.get("/.well-known/openid-configuration", () => json(200, openIdConfiguration(context)));

  // POST /oauth2/register - RFC 7591 dynamic client registration
  router.post("/oauth2/register", (req) => {
    let body: unknown = null;
    try {
      body = req.rawBody ? JSON.parse(req.rawBody) : null;
    } catch {
      body = null;
    }
    const parsed = parseClientMetadata(body);
    if (!parsed.ok) return json(400, parsed.error, NO_STORE);
    return json(201, serializeOAuthClient(registerOAuthClient(context, parsed.metadata)), NO_STORE);
  });

  // GET /oauth2/authorize - validates the request, then the hosted sign-in (password, TOTP, organisation)
  router.get("/oauth2/authorize", (req) => openSignIn(flow, req.query));
  registerSignInFlow(router, context, flow);

  // POST /oauth2/token - authorization_code (PKCE S256) and refresh_token (rotated) grants
  router.post("/oauth2/token", async (req) => {
    const body = readOAuthBody(req);
    if (!body) return oauthError("invalid_request", "The request body must be form-encoded (or a JSON object).");
    const grantType = stringField(body, "grant_type");
    if (!grantType) return oauthError("invalid_request", "grant_type is required.");
    if (grantType !== "authorization_code" && grantType !== "refresh_token")
      return oauthError("unsupported_grant_type", `Grant type '${grantType}' is not supported.`);
    const auth = authenticateClient(context, req, body);
    if (!auth.ok) return auth.response;
    if (!auth.client.grantTypes.includes(grantType))
      return oauthError(
        "unauthorized_client",
        `Client '${auth.client.id}' is not registered for the ${grantType} grant.`,
      );
    return grantType === "authorization_code"
      ? authorizationCodeGrant(context, auth.client, body, req.headers["user-agent"] ?? null)
      : refreshTokenGrant(context, auth.client, body);
  });

  // GET /oauth2/jwks - the keys that sign access tokens (same as /sso/jwks/:clientId)
  router.get("/oauth2/jwks", () =>
    json(200, { keys: [context.signingKey.jwk] }, { "cache-control": "public, max-age=300" }),
  );

  // POST /oauth2/introspection - RFC 7662; client credentials optional, checked when given
  router.post("/oauth2/introspection", (req) => {
    const body = readOAuthBody(req);
    if (!body) return oauthError("invalid_request", "The request body must be form-encoded (or a JSON object).");
    const bearer = bearerToken(req);
    if (bearer !== null) {
      if (!safeEqual(bearer, context.config.apiKey))
        return oauthError("invalid_client", "The Bearer credential must be the API key.", 401, {
          "www-authenticate": 'Bearer realm="oauth2"',
        });
    } else if (/^Basic\s/i.test(req.headers.authorization ?? "") || stringField(body, "client_id")) {
      const auth = authenticateClient(context, req, body);
      if (!auth.ok) return auth.response;
    }
    const token = stringField(body, "token");
    if (!token) return oauthError("invalid_request", "token is required.");
    return json(200, introspect(context, token), NO_STORE);
  });

  // GET|POST /oauth2/userinfo - OIDC userinfo for a Bearer access token
  router.get("/oauth2/userinfo", (req) => userinfo(context, req));
  router.post("/oauth2/userinfo", (req) => userinfo(context, req));
}
