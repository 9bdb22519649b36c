import { createHash } from "node:crypto";
import type { EmulatorResponse, Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { readBody, safeEqual, stringField } from "../http-helpers";
import { findMembership } from "../store";
import { serializeUser } from "../serializers";
import { isSessionLive, issueTokens, startSession } from "../tokens";
import type { SessionRecord } from "../types";

const oauthError = (error: string, description: string, status = 400): EmulatorResponse => ({
  status,
  body: { error, error_description: description },
});

function clientInfo(body: Record<string, unknown>) {
  return {
    ipAddress: stringField(body, "ip_address") ?? null,
    userAgent: stringField(body, "user_agent") ?? null,
  };
}

function tokenResponse(context: WorkosContext, session: SessionRecord): EmulatorResponse {
  const user = context.store.users.get(session.userId);
  if (!user) return oauthError("invalid_grant", "The user of this session no longer exists.");
  const { accessToken, refreshToken } = issueTokens(context, session);
  return {
    status: 200,
    body: {
      user: serializeUser(user),
      ...(session.organizationId ? { organization_id: session.organizationId } : {}),
      access_token: accessToken,
      refresh_token: refreshToken,
      authentication_method: "Password",
    },
  };
}

async function authorizationCodeGrant(
  context: WorkosContext,
  body: Record<string, unknown>,
  hasSecret: boolean,
): Promise<EmulatorResponse> {
  const code = stringField(body, "code");
  if (!code) return oauthError("invalid_request", "code is required for the authorization_code grant.");
  const grant = context.store.codes.get(code);
  if (!grant || grant.used || grant.expiresAt < Date.now() || grant.clientId !== body.client_id) {
    return oauthError("invalid_grant", "The code is invalid, has expired or has already been used.");
  }
  grant.used = true;
  const verifier = stringField(body, "code_verifier");
  if (grant.codeChallenge) {
    if (!verifier)
      return oauthError("invalid_grant", "code_verifier is required: the authorization request used PKCE.");
    const computed = createHash("sha256").update(verifier).digest("base64url");
    if (!safeEqual(computed, grant.codeChallenge))
      return oauthError("invalid_grant", "The code_verifier does not match the code_challenge.");
  } else if (!hasSecret) {
    return oauthError("invalid_client", "client_secret is required when the authorization request did not use PKCE.");
  }
  const session = await startSession(context, {
    userId: grant.userId,
    organizationId: grant.organizationId,
    ...clientInfo(body),
  });
  return tokenResponse(context, session);
}

function refreshTokenGrant(context: WorkosContext, body: Record<string, unknown>): EmulatorResponse {
  const token = stringField(body, "refresh_token");
  if (!token) return oauthError("invalid_request", "refresh_token is required for the refresh_token grant.");
  const record = context.store.refreshTokens.get(token);
  if (!record) return oauthError("invalid_grant", "The refresh token is invalid.");
  if (record.used) return oauthError("invalid_grant", "The refresh token has already been used.");
  const session = context.store.sessions.get(record.sessionId);
  if (!session || !isSessionLive(session)) return oauthError("invalid_grant", "Session has already ended.");

  const requestedOrg = stringField(body, "organization_id");
  const organizationId = requestedOrg ?? session.organizationId;
  if (organizationId) {
    if (!context.store.organizations.get(organizationId)) {
      return oauthError("organization_not_found", `Organization '${organizationId}' not found.`);
    }
    const membership = findMembership(context.store, session.userId, organizationId);
    if (!membership || membership.status !== "active") {
      return oauthError(
        "organization_membership_not_found",
        `The user is not an active member of organization '${organizationId}'.`,
      );
    }
  }
  record.used = true;
  session.organizationId = organizationId ?? null;
  session.updatedAt = new Date().toISOString();
  return tokenResponse(context, session);
}

// POST /user_management/authenticate - code and refresh-token grants used by AuthKit
export function registerAuthenticateRoutes(router: Router, context: WorkosContext) {
  router.post("/user_management/authenticate", async (req) => {
    const body = readBody(req);
    const clientId = stringField(body, "client_id");
    if (!clientId) return oauthError("invalid_request", "client_id is required.");
    if (clientId !== context.config.clientId) return oauthError("invalid_client", `Invalid client ID '${clientId}'.`);
    const secret = stringField(body, "client_secret");
    if (secret !== undefined && !safeEqual(secret, context.config.apiKey))
      return oauthError("invalid_client", "Invalid client secret.");
    const grantType = stringField(body, "grant_type");
    if (grantType === "authorization_code") return authorizationCodeGrant(context, body, secret !== undefined);
    if (grantType === "refresh_token") return refreshTokenGrant(context, body);
    return oauthError("invalid_request", `Unsupported grant_type '${grantType ?? ""}'.`);
  });
}
