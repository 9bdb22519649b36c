import type { Role } from "@/lib/domain/permissions";

/**
 * Who an MCP call acts as: a member of exactly one org with one role, reached
 * either through an org API key or through an OAuth access token from AuthKit.
 * Writes are audited with actor type "agent" and the key or user behind it.
 */
export type AgentContext = {
  org: { id: string; slug: string; name: string };
  role: Role;
  /** Read-only keys can only call read tools. OAuth tokens carry the member's full access. */
  scope: "read" | "read_write";
  actor: { type: "agent"; id: string; label: string };
  /** For logs, audit entries and outbound calls. */
  requestId: string;
  /** For OAuth, `sessionId` is the WorkOS session of the grant (its record holds revocation and MFA verification). */
  via: { kind: "api_key"; keyId: string } | { kind: "oauth"; userId: string; clientId: string; sessionId: string };
};
