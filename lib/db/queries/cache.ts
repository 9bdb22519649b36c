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

type EntryRead = (CacheStamp & { changed: true; value: unknown }) | (CacheStamp & { changed: false }) | null;
type Lookup = {
  key: string;
  held: string | null;
  resolve: (entry: EntryRead) => void;
  reject: (error: unknown) => void;
};

/** Lookups waiting for this tick's statement, by org. */
const waiting = new Map<string, Lookup[]>();

/**
 * The entry's timestamps, and its value only if its version differs from the one the caller already holds
 * (`heldFetchedAt`): one round trip whether or not the value has to travel. Lookups started in the same tick
 * (a page's panels start theirs together) share one statement per org: four parallel lookups took 2.5-3 ms
 * each on a cold page, where one statement for all of them takes about 1.
 */
export function readCacheEntry({
  orgId,
  key,
  heldFetchedAt,
}: {
  orgId: string;
  key: string;
  heldFetchedAt?: Date;
}): Promise<EntryRead> {
  return new Promise((resolve, reject) => {
    let batch = waiting.get(orgId);
    if (!batch) {
      batch = [];
      waiting.set(orgId, batch);
      // After the promise jobs already queued: the lookups started alongside this one join it.
      process.nextTick(() => void lookUp(orgId));
    }
    batch.push({ key, held: heldFetchedAt?.toISOString() ?? null, resolve, reject });
  });
}

async function lookUp(orgId: string) {
  const batch = waiting.get(orgId) ?? [];
  waiting.delete(orgId);
  try {
    // One row per lookup that found its entry, numbered by its place in the batch (a key may be asked twice,
    // with different held versions).
    const { rows } = await pool.query<StampRow & { place: string; changed: boolean; value: unknown }>(
      `SELECT wanted.place, ${STAMP_COLUMNS}, "fetchedAt" IS DISTINCT FROM wanted.held AS changed,
              CASE WHEN "fetchedAt" IS DISTINCT FROM wanted.held THEN value END AS value
       FROM unnest($2::text[], $3::timestamp[]) WITH ORDINALITY AS wanted(key, held, place)
       JOIN "CacheEntry" entry ON entry."orgId" = $1 AND entry.key = wanted.key`,
      [orgId, batch.map((lookup) => lookup.key), batch.map((lookup) => lookup.held)],
    );
    const found = new Map(rows.map((row) => [Number(row.place), row]));
    batch.forEach((lookup, index) => {
      const row = found.get(index + 1);
      if (!row) return lookup.resolve(null);
      lookup.resolve(
        row.changed ? { ...toStamp(row), changed: true, value: row.value } : { ...toStamp(row), changed: false },
      );
    });
  } catch (error) {
    for (const lookup of batch) lookup.reject(error);
  }
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
