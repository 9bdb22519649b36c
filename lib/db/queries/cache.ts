import "server-only";
import { randomUUID } from "node:crypto";
import { db, pool } from "@/lib/db/client";

/**
 * Cached upstream reads (lib/cache) live in "CacheEntry". Reads and writes go
 * through the raw pool: values run to hundreds of kilobytes of JSON, and
 * Prisma's per-value work made a write cost ~30 ms where the statement takes ~5.
 * Timestamps cross as epoch milliseconds and UTC ISO strings, so the process's
 * time zone never matters (the columns hold UTC, as Prisma writes them).
 */
export type CacheStamp = { fetchedAt: Date; expiresAt: Date };

const STAMP_COLUMNS = `(extract(epoch from "fetchedAt") * 1000)::float8 AS fetched, (extract(epoch from "expiresAt") * 1000)::float8 AS expires`;
type StampRow = { fetched: number; expires: number };
const toStamp = (row: StampRow): CacheStamp => ({ fetchedAt: new Date(row.fetched), expiresAt: new Date(row.expires) });

/**
 * The entry's timestamps, and its value only if its version differs from the one the caller already holds
 * (`heldFetchedAt`): one round trip whether or not the value has to travel.
 */
export async function readCacheEntry({
  orgId,
  key,
  heldFetchedAt,
}: {
  orgId: string;
  key: string;
  heldFetchedAt?: Date;
}): Promise<(CacheStamp & { changed: true; value: unknown }) | (CacheStamp & { changed: false }) | null> {
  const { rows } = await pool.query<StampRow & { changed: boolean; value: unknown }>(
    `SELECT ${STAMP_COLUMNS}, "fetchedAt" IS DISTINCT FROM $3::timestamp AS changed,
            CASE WHEN "fetchedAt" IS DISTINCT FROM $3::timestamp THEN value END AS value
     FROM "CacheEntry" WHERE "orgId" = $1 AND key = $2`,
    [orgId, key, heldFetchedAt?.toISOString() ?? null],
  );
  const row = rows[0];
  if (!row) return null;
  return row.changed ? { ...toStamp(row), changed: true, value: row.value } : { ...toStamp(row), changed: false };
}

export async function writeCacheEntry({
  orgId,
  key,
  value,
  fetchedAt,
  expiresAt,
}: { orgId: string; key: string; value: unknown } & CacheStamp) {
  await pool.query(
    `INSERT INTO "CacheEntry" (id, "orgId", key, value, "fetchedAt", "expiresAt") VALUES ($1, $2, $3, $4::jsonb, $5, $6)
     ON CONFLICT ("orgId", key) DO UPDATE SET value = EXCLUDED.value, "fetchedAt" = EXCLUDED."fetchedAt", "expiresAt" = EXCLUDED."expiresAt"`,
    [randomUUID(), orgId, key, JSON.stringify(value), fetchedAt.toISOString(), expiresAt.toISOString()],
  );
}

/** Drops an org's cached upstream reads under a key prefix, so the next read goes upstream. */
export async function deleteCacheEntries({ orgId, prefix }: { orgId: string; prefix: string }) {
  return db.cacheEntry.deleteMany({ where: { orgId, key: { startsWith: prefix } } });
}
