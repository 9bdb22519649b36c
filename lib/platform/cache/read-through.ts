import "server-only";
import { deleteCacheEntries, readCacheEntry } from "@/lib/db/queries/cache";
import { forgetPendingRows, holdRow, loadsSettled, pendingRow, rowWritten } from "./pending-rows";
import { recallValue, rememberValue } from "./parsed-values";

export { cacheWritesSettled } from "./pending-rows";

/**
 * Upstream reads cached per org in PostgreSQL, so every replica shares them and
 * a rate limit or outage shows the last good data — marked stale, with its
 * age — instead of an error page. Concurrent misses for one key in a process
 * share a single upstream call. A loaded value is handed out before its row is
 * written (see pending-rows.ts for when the row is written).
 */
export type Cached<T> = {
  value: T;
  fetchedAt: Date;
  /** Served from the cache within its freshness window. */
  fromCache: boolean;
  /** The refresh failed and this is older data; `error` says why. */
  stale: boolean;
  error: string | null;
};

/** Upstream loads under way in this process, by org and key. */
const inflight = new Map<string, Promise<unknown>>();
/**
 * Whole reads under way, by org and key. A miss is decided only after a database
 * round trip, so without this a caller whose read resolves after another's load
 * has finished would see the old miss and load again.
 */
const reading = new Map<string, Promise<Cached<unknown>>>();

/**
 * Drops an org's cached reads under a key prefix after Bosun changed what they show, so the next read goes
 * upstream: rows not written yet are never written now, and rows being written are deleted after them.
 */
export async function forgetCached({ orgId, prefix }: { orgId: string; prefix: string }): Promise<void> {
  await forgetPendingRows({ orgId, prefix });
  await deleteCacheEntries({ orgId, prefix });
}

type Entry = { value: unknown; fetchedAt: Date; expiresAt: Date };

/** The entry, its value from memory when this process already parsed this version of it (see parsed-values.ts). */
async function readEntry(orgId: string, key: string): Promise<Entry | null> {
  const pending = pendingRow(orgId, key);
  if (pending) return pending;
  await rowWritten(orgId, key);
  const held = recallValue(orgId, key);
  const entry = await readCacheEntry({ orgId, key, heldFetchedAt: held?.fetchedAt });
  if (!entry) return null;
  const { fetchedAt, expiresAt } = entry;
  if (entry.changed) return { fetchedAt, expiresAt, value: rememberValue(orgId, key, fetchedAt, entry.value) };
  return { fetchedAt, expiresAt, value: held?.value };
}

type ReadThroughInput<T> = {
  orgId: string;
  key: string;
  ttlMs: number;
  load: () => Promise<T>;
  force?: boolean;
  now?: Date;
};

export function readThrough<T>(input: ReadThroughInput<T>): Promise<Cached<T>> {
  // A forced refresh must go upstream even while an ordinary read is under way.
  if (input.force) return readThroughOnce(input);
  const readKey = `${input.orgId}:${input.key}`;
  const shared = reading.get(readKey) as Promise<Cached<T>> | undefined;
  if (shared) return shared;
  // Forgotten before any caller resumes, so a read issued after this one settles starts afresh.
  const read = readThroughOnce(input).finally(() => reading.delete(readKey));
  reading.set(readKey, read);
  return read;
}

async function readThroughOnce<T>({
  orgId,
  key,
  ttlMs,
  load,
  force = false,
  now = new Date(),
}: ReadThroughInput<T>): Promise<Cached<T>> {
  const entry = await readEntry(orgId, key);
  if (entry && !force && entry.expiresAt > now)
    return { value: entry.value as T, fetchedAt: entry.fetchedAt, fromCache: true, stale: false, error: null };

  const flightKey = `${orgId}:${key}`;
  let flight = inflight.get(flightKey) as Promise<T> | undefined;
  if (!flight) {
    flight = load();
    inflight.set(flightKey, flight);
    void flight
      .catch(() => undefined)
      .finally(() => {
        inflight.delete(flightKey);
        if (inflight.size === 0) loadsSettled();
      });
  }
  try {
    const loaded = await flight;
    const fetchedAt = new Date();
    const value = rememberValue(orgId, key, fetchedAt, loaded);
    const expiresAt = new Date(fetchedAt.getTime() + ttlMs);
    holdRow({ orgId, key, value, fetchedAt, expiresAt }, { loadsUnderWay: inflight.size > 0 });
    return {
      value,
      fetchedAt,
      fromCache: false,
      stale: false,
      error: null,
    };
  } catch (error) {
    if (!entry) throw error;
    return {
      value: entry.value as T,
      fetchedAt: entry.fetchedAt,
      fromCache: true,
      stale: true,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** A cached value still within its window, without ever going upstream (or writing anything). */
export async function readCached<T>({
  orgId,
  key,
  now = new Date(),
}: {
  orgId: string;
  key: string;
  now?: Date;
}): Promise<T | null> {
  const entry = await readEntry(orgId, key);
  return entry && entry.expiresAt > now ? (entry.value as T) : null;
}
