import "server-only";
import { authenticateApiKey, bearerToken, looksLikeApiKey } from "@/lib/features/api-keys";
import { evaluateSession } from "@/lib/platform/auth/session-policy";
import { findActiveMembershipByWorkosIds } from "@/lib/db/system/memberships";
import { getOrgSecuritySettings } from "@/lib/db/queries/organizations";
import { findOrCreateOAuthSession, revokeSessionRecord, touchSession } from "@/lib/db/system/sessions";
import type { AgentContext } from "./context";
import { connectionVerificationUrl, resourceMetadataUrl, verifyAccessToken } from "./oauth";

/**
 * Who is calling the MCP endpoint. Two ways in: an org API key (`bsn_…`), or
 * an OAuth access token AuthKit issued for this resource, whose user must be an
 * active member of the token's organization. Either way the call acts as one
 * member of one org. Failures carry the `WWW-Authenticate` challenge the MCP
 * authorization spec requires, pointing at the protected-resource metadata.
 *
 * An OAuth token is only as good as the WorkOS session it names (`sid`): that
 * session gets a record like a browser session, so revocation ("sign out on
 * every device", deprovisioning), the org's idle timeout and its MFA
 * requirement apply to it too. An org that requires MFA answers an unverified
 * one with RFC 9470's `insufficient_user_authentication` and a link where the
 * user verifies this connection with a code.
 */
type Refusal = "invalid_request" | "invalid_token" | "insufficient_user_authentication";
export type McpAuthResult =
  | { ok: true; ctx: AgentContext; rateKey: string }
  | { ok: false; status: 401; error: Refusal; description: string; challenge: string };

function refuse(error: Refusal, description: string): McpAuthResult {
  const params = [
    `resource_metadata="${resourceMetadataUrl()}"`,
    ...(error === "invalid_request"
      ? []
      : [`error="${error}"`, `error_description="${description.replace(/["\\]/g, "'")}"`]),
  ];
  return { ok: false, status: 401, error, description, challenge: `Bearer ${params.join(", ")}` };
}

const API_KEY_FAILURES = {
  missing: "No API key was sent.",
  malformed: "The API key is malformed.",
  unknown: "The API key is not valid.",
  revoked: "The API key has been revoked.",
} as const;

export async function authenticateMcpRequest(authorization: string | null, requestId: string): Promise<McpAuthResult> {
  const token = bearerToken(authorization);
  if (!token) return refuse("invalid_request", "Send an API key or an OAuth access token as a Bearer token.");

  if (looksLikeApiKey(token)) {
    const result = await authenticateApiKey(token);
    if (!result.ok) return refuse("invalid_token", API_KEY_FAILURES[result.reason]);
    const { key, org } = result;
    return {
      ok: true,
      rateKey: `key:${key.id}`,
      ctx: {
        org,
        role: key.role,
        scope: key.scope,
        requestId,
        actor: { type: "agent", id: key.id, label: `API key “${key.name}” (${key.prefix}…)` },
        via: { kind: "api_key", keyId: key.id },
      },
    };
  }

  const check = await verifyAccessToken(token);
  if (!check.ok) return refuse("invalid_token", `The access token is not valid: ${check.reason}.`);
  const { sub, orgId, clientId, sessionId } = check.claims;
  if (!orgId) return refuse("invalid_token", "The access token names no organization; sign in to one organization.");
  if (!sessionId) return refuse("invalid_token", "The access token names no session; connect the client again.");
  const membership = await findActiveMembershipByWorkosIds({ workosUserId: sub, workosOrgId: orgId });
  if (!membership) return refuse("invalid_token", "The token's user is not an active member of its organization.");

  const session = await findOrCreateOAuthSession({
    workosSessionId: sessionId,
    userId: membership.user.id,
    orgId: membership.org.id,
    oauthClientId: clientId,
  });
  if (session.userId !== membership.user.id)
    return refuse("invalid_token", "The token's session belongs to someone else.");
  const now = new Date();
  const verdict = evaluateSession(session, await getOrgSecuritySettings({ orgId: membership.org.id }), now);
  if (verdict.kind === "revoked")
    return refuse("invalid_token", "The session behind this token has been revoked; connect the client again.");
  if (verdict.kind === "idle") {
    await revokeSessionRecord({ workosSessionId: sessionId, now });
    return refuse(
      "invalid_token",
      "The session behind this token ended after a period of inactivity; connect the client again.",
    );
  }
  if (verdict.touch) await touchSession({ workosSessionId: sessionId, now });
  if (verdict.kind === "mfa-required") {
    return refuse(
      "insufficient_user_authentication",
      `${membership.org.name} requires two-step verification. Open ${connectionVerificationUrl(membership.org.slug, sessionId)} in a browser signed in to Bosun, enter a code from your authenticator app, then try again.`,
    );
  }
  return {
    ok: true,
    rateKey: `user:${membership.user.id}:${membership.org.id}`,
    ctx: {
      org: membership.org,
      role: membership.role,
      scope: "read_write",
      requestId,
      actor: { type: "agent", id: membership.user.id, label: `${membership.user.email} via MCP client ${clientId}` },
      via: { kind: "oauth", userId: membership.user.id, clientId, sessionId },
    },
  };
}
