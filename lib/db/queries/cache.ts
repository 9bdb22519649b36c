import "server-only";
import { db } from "@/lib/db/client";

/** Drops an org's cached upstream reads under a key prefix, so the next read goes upstream. */
export async function deleteCacheEntries({ orgId, prefix }: { orgId: string; prefix: string }) {
  return db.cacheEntry.deleteMany({ where: { orgId, key: { startsWith: prefix } } });
}
