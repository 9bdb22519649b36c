import "server-only";
import { db } from "@/lib/db/client";
import type { ApiKeyScope, Role } from "@/lib/db/generated/enums";
import { USAGE_TOUCH_INTERVAL_MS } from "@/lib/domain/api-keys/policy";

/**
 * Org API keys. Only the SHA-256 of a key is ever written (see
 * lib/api-keys/keys.ts); every org-facing query is scoped by orgId, and the
 * hash lookups are the one way in for a caller who holds nothing but a key.
 */

const keyForAuthSelect = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  role: true,
  createdById: true,
  lastUsedAt: true,
  revokedAt: true,
  org: { select: { id: true, slug: true, name: true } },
} as const;

export async function createApiKey({ orgId, name, prefix, hashedKey, scope, role, createdById }: { orgId: string; name: string; prefix: string; hashedKey: string; scope: ApiKeyScope; role: Role; createdById: string }) {
  return db.apiKey.create({
    data: { orgId, name, prefix, hashedKey, scope, role, createdById },
    select: { id: true, name: true, prefix: true, scope: true, role: true, createdAt: true },
  });
}

/** Every key of the org, newest first, revoked ones included (the page shows their status). */
export async function listApiKeys({ orgId }: { orgId: string }) {
  return db.apiKey.findMany({
    where: { orgId },
    select: { id: true, name: true, prefix: true, scope: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true, email: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

export type RevokeOutcome = { status: "revoked" | "already_revoked"; key: { id: string; name: string; prefix: string } } | { status: "not_found" };

/**
 * Revokes one of the org's keys. Idempotent: a second call reports
 * "already_revoked" and keeps the first revocation time. A key of another org
 * is "not_found", exactly like a key that does not exist.
 */
export async function revokeApiKey({ orgId, keyId, now = new Date() }: { orgId: string; keyId: string; now?: Date }): Promise<RevokeOutcome> {
  const { count } = await db.apiKey.updateMany({ where: { id: keyId, orgId, revokedAt: null }, data: { revokedAt: now } });
  const key = await db.apiKey.findFirst({ where: { id: keyId, orgId }, select: { id: true, name: true, prefix: true } });
  if (!key) return { status: "not_found" };
  return { status: count === 1 ? "revoked" : "already_revoked", key };
}

/** The key with this hash, revoked or not, with its org; null when no key has it. */
export async function findKeyByHash(hashedKey: string) {
  return db.apiKey.findUnique({ where: { hashedKey }, select: keyForAuthSelect });
}

/** The unrevoked key with this hash, with its org; null when revoked or unknown. */
export async function findActiveKeyByHash(hashedKey: string) {
  const key = await findKeyByHash(hashedKey);
  return key && key.revokedAt === null ? key : null;
}

/**
 * Records that a key was used, at most once a minute: the condition is in the
 * UPDATE itself, so concurrent calls of a hot key write once between them.
 * Returns whether this call wrote.
 */
export async function touchKeyUsage(keyId: string, now = new Date()): Promise<boolean> {
  const threshold = new Date(now.getTime() - USAGE_TOUCH_INTERVAL_MS);
  const { count } = await db.apiKey.updateMany({
    where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: threshold } }] },
    data: { lastUsedAt: now },
  });
  return count === 1;
}
