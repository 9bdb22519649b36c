import "server-only";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { bearerToken, looksLikeApiKey } from "@/lib/api-keys/keys";
import { findActiveMembershipByWorkosIds } from "@/lib/db/queries/memberships";
import type { AgentContext } from "./context";
import { resourceMetadataUrl, verifyAccessToken } from "./oauth";

/**
 * Who is calling the MCP endpoint. Two ways in: an org API key (`bsn_…`), or
 * an OAuth access token AuthKit issued for this resource, whose user must be an
 * active member of the token's organization. Either way the call acts as one
 * member of one org. Failures carry the `WWW-Authenticate` challenge the MCP
 * authorization spec requires, pointing at the protected-resource metadata.
 */
export type McpAuthResult = { ok: true; ctx: AgentContext; rateKey: string } | { ok: false; status: 401; error: "invalid_request" | "invalid_token"; description: string; challenge: string };

function refuse(error: "invalid_request" | "invalid_token", description: string): McpAuthResult {
  const params = [`resource_metadata="${resourceMetadataUrl()}"`, ...(error === "invalid_token" ? [`error="invalid_token"`, `error_description="${description.replace(/"/g, "'")}"`] : [])];
  return { ok: false, status: 401, error, description, challenge: `Bearer ${params.join(", ")}` };
}

const API_KEY_FAILURES = { missing: "No API key was sent.", malformed: "The API key is malformed.", unknown: "The API key is not valid.", revoked: "The API key has been revoked." } as const;

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
      ctx: { org, role: key.role, scope: key.scope, requestId, actor: { type: "agent", id: key.id, label: `API key “${key.name}” (${key.prefix}…)` }, via: { kind: "api_key", keyId: key.id } },
    };
  }

  const check = await verifyAccessToken(token);
  if (!check.ok) return refuse("invalid_token", `The access token is not valid: ${check.reason}.`);
  const { sub, orgId, clientId } = check.claims;
  if (!orgId) return refuse("invalid_token", "The access token names no organization; sign in to one organization.");
  const membership = await findActiveMembershipByWorkosIds({ workosUserId: sub, workosOrgId: orgId });
  if (!membership) return refuse("invalid_token", "The token's user is not an active member of its organization.");
  return {
    ok: true,
    rateKey: `user:${membership.user.id}:${membership.org.id}`,
    ctx: { org: membership.org, role: membership.role, scope: "read_write", requestId, actor: { type: "agent", id: membership.user.id, label: `${membership.user.email} via MCP client ${clientId}` }, via: { kind: "oauth", userId: membership.user.id, clientId } },
  };
}
