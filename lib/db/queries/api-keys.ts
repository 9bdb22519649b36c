import "server-only";
import { db } from "@/lib/db/client";
import type { ApiKeyScope, Role } from "@/lib/db/generated/enums";

/**
 * Org API keys. Only the SHA-256 of a key is ever written (see
 * lib/features/api-keys/keys.ts); every query here is scoped by orgId. The hash
 * lookups, the one way in for a caller who holds nothing but a key, are in
 * lib/db/system/api-keys.ts.
 */

export async function createApiKey({
  orgId,
  name,
  prefix,
  hashedKey,
  scope,
  role,
  createdById,
}: {
  orgId: string;
  name: string;
  prefix: string;
  hashedKey: string;
  scope: ApiKeyScope;
  role: Role;
  createdById: string;
}) {
  return db.apiKey.create({
    data: { orgId, name, prefix, hashedKey, scope, role, createdById },
    select: { id: true, name: true, prefix: true, scope: true, role: true, createdAt: true },
  });
}

/** Every key of the org, newest first, revoked ones included (the page shows their status). */
export async function listApiKeys({ orgId }: { orgId: string }) {
  return db.apiKey.findMany({
    where: { orgId },
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

export type RevokeOutcome =
  | { status: "revoked" | "already_revoked"; key: { id: string; name: string; prefix: string } }
  | { status: "not_found" };

/**
 * Revokes one of the org's keys. Idempotent: a second call reports
 * "already_revoked" and keeps the first revocation time. A key of another org
 * is "not_found", exactly like a key that does not exist.
 */
export async function revokeApiKey({
  orgId,
  keyId,
  now = new Date(),
}: {
  orgId: string;
  keyId: string;
  now?: Date;
}): Promise<RevokeOutcome> {
  const { count } = await db.apiKey.updateMany({
    where: { id: keyId, orgId, revokedAt: null },
    data: { revokedAt: now },
  });
  const key = await db.apiKey.findFirst({
    where: { id: keyId, orgId },
    select: { id: true, name: true, prefix: true },
  });
  if (!key) return { status: "not_found" };
  return { status: count === 1 ? "revoked" : "already_revoked", key };
}
