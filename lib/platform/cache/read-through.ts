import "server-only";
import { readCacheEntry, writeCacheEntry } from "@/lib/db/queries/cache";
import { recallValue, rememberValue } from "./parsed-values";

/**
 * Upstream reads cached per org in PostgreSQL, so every replica shares them and
 * a rate limit or outage shows the last good data — marked stale, with its
 * age — instead of an error page. Concurrent misses for one key in a process
 * share a single upstream call.
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

type Entry = { value: unknown; fetchedAt: Date; expiresAt: Date };

/** The entry, its value from memory when this process already parsed this version of it (see parsed-values.ts). */
async function readEntry(orgId: string, key: string): Promise<Entry | null> {
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
    void flight.catch(() => undefined).finally(() => inflight.delete(flightKey));
  }
  try {
    const value = await flight;
    const fetchedAt = new Date();
    await writeCacheEntry({ orgId, key, value, fetchedAt, expiresAt: new Date(fetchedAt.getTime() + ttlMs) });
    return {
      value: rememberValue(orgId, key, fetchedAt, value),
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
