// A caller holding nothing but a key has no org yet: the key, found by its hash, tells which org it belongs to.
import "server-only";
import { db } from "@/lib/db/client";
import { USAGE_TOUCH_INTERVAL_MS } from "@/lib/domain/api-keys/policy";

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
