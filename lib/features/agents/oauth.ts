import "server-only";
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import { env } from "@/lib/platform/env";

/**
 * Bosun as an OAuth 2.1 protected resource (the MCP authorization spec):
 * AuthKit is the authorization server; Bosun publishes where to get tokens
 * (RFC 9728 metadata) and accepts only access tokens AuthKit signed for this
 * very resource (audience = the MCP endpoint's URL, RFC 8707), unexpired.
 */
export const mcpResourceUrl = () => `${env.publicUrl}/api/mcp`;
export const resourceMetadataUrl = () => `${env.publicUrl}/.well-known/oauth-protected-resource`;
/** Where the user verifies an MCP client's OAuth session with a code from their authenticator app. */
export const connectionVerificationUrl = (orgSlug: string, sessionId: string) =>
  `${env.publicUrl}/mfa?org=${encodeURIComponent(orgSlug)}&connection=${encodeURIComponent(sessionId)}`;

export function protectedResourceMetadata() {
  return {
    resource: mcpResourceUrl(),
    authorization_servers: env.workos.authkitDomain ? [env.workos.authkitDomain] : [],
    bearer_methods_supported: ["header"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    resource_name: "Bosun",
  };
}

const jwksByDomain = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** `sessionId` is the `sid` claim: the WorkOS session AuthKit started for the grant. */
export type AccessTokenClaims = {
  sub: string;
  orgId: string | null;
  clientId: string;
  sessionId: string | null;
  scope: string[];
  expiresAt: number;
};
export type TokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: string };

export async function verifyAccessToken(token: string): Promise<TokenCheck> {
  const domain = env.workos.authkitDomain;
  if (!domain) return { ok: false, reason: "OAuth is not set up on this server; use an API key" };
  let jwks = jwksByDomain.get(domain);
  if (!jwks) {
    // jose caches the key set and refetches it when a token names an unknown key id.
    jwks = createRemoteJWKSet(new URL(`${domain}/oauth2/jwks`), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
    jwksByDomain.set(domain, jwks);
  }
  try {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: domain,
      audience: mcpResourceUrl(),
      algorithms: ["RS256"],
    });
    if (typeof payload.sub !== "string" || typeof payload.exp !== "number")
      return { ok: false, reason: "the token has no subject or expiry" };
    const claim = (name: string) => (typeof payload[name] === "string" ? (payload[name] as string) : null);
    return {
      ok: true,
      claims: {
        sub: payload.sub,
        orgId: claim("org_id"),
        clientId: claim("client_id") ?? "unknown client",
        sessionId: claim("sid"),
        scope: (claim("scope") ?? "").split(" ").filter(Boolean),
        expiresAt: payload.exp,
      },
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "the token has expired" };
    if (error instanceof errors.JWTClaimValidationFailed)
      return { ok: false, reason: `the token's ${error.claim} is not for this server` };
    if (error instanceof errors.JOSEError) return { ok: false, reason: "the token's signature does not verify" };
    throw error;
  }
}
