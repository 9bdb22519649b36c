import "server-only";
import type { Role } from "@/lib/domain/permissions";
import { findKeyByHash, touchKeyUsage } from "@/lib/db/system/api-keys";
import { findMember } from "@/lib/db/queries/memberships";
import { bearerToken, hashApiKey, looksLikeApiKey } from "./keys";
import { effectiveKeyRole, usageIsStale } from "../../domain/api-keys/policy";

export type ApiKeyFailure = "missing" | "malformed" | "unknown" | "revoked";

export type AuthenticatedApiKey = {
  id: string;
  name: string;
  prefix: string;
  scope: "read" | "read_write";
  /** The role to act with: the key's role capped by its creator's current role. */
  role: Role;
  /** The role the key was created with (differs from `role` once the creator was demoted). */
  grantedRole: Role;
  createdById: string;
};

export type ApiKeyAuthResult =
  | { ok: true; key: AuthenticatedApiKey; org: { id: string; slug: string; name: string } }
  | { ok: false; reason: ApiKeyFailure };

/**
 * Who a bearer token acts as. Accepts the Authorization header value
 * ("Bearer bsn_…") or the bare token. The key is found by the SHA-256 of what
 * was sent, so nothing compares secrets byte by byte (no timing side channel),
 * and a malformed token is refused before any database read.
 *
 * The key acts with the lower of its own role and its creator's current role,
 * because a key only delegates its creator's access: demoting an admin must
 * not leave them admin access through an older key. A creator who is no longer
 * an active member has no access to delegate, so the key is refused as
 * "revoked" (without recording a revocation: if the member is reactivated,
 * their keys work again, capped by the role they then have).
 *
 * On success it records the use, at most once a minute per key.
 */
export async function authenticateApiKey(
  bearer: string | null,
  { now = new Date() }: { now?: Date } = {},
): Promise<ApiKeyAuthResult> {
  const token = bearerToken(bearer);
  if (!token) return { ok: false, reason: "missing" };
  if (!looksLikeApiKey(token)) return { ok: false, reason: "malformed" };

  const key = await findKeyByHash(hashApiKey(token));
  if (!key) return { ok: false, reason: "unknown" };
  if (key.revokedAt) return { ok: false, reason: "revoked" };

  const creator = await findMember({ orgId: key.org.id, userId: key.createdById });
  const role = effectiveKeyRole(key.role, creator?.status === "active" ? creator.role : null);
  if (!role) return { ok: false, reason: "revoked" };

  if (usageIsStale(key.lastUsedAt, now)) await touchKeyUsage(key.id, now);
  return {
    ok: true,
    key: {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      scope: key.scope,
      role,
      grantedRole: key.role,
      createdById: key.createdById,
    },
    org: key.org,
  };
}
