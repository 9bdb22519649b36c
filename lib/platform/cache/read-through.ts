import "server-only";
import { deleteCacheEntries, readCacheEntry, writeCacheEntry } from "@/lib/db/queries/cache";
import { logger } from "@/lib/platform/observability/logger";
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
const reading = new Map<string, SharedRead>();
/** A read others may join; once it has a value, until when that value is fresh. */
type SharedRead = { read: Promise<Cached<unknown>>; expiresAt?: Date };

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
  if (input.force) return readThroughOnce(input).then(({ read }) => read);
  const readKey = `${input.orgId}:${input.key}`;
  const shared = reading.get(readKey);
  const now = input.now ?? new Date();
  if (shared && !(shared.expiresAt && shared.expiresAt <= now)) return shared.read as Promise<Cached<T>>;
  const once = readThroughOnce(input);
  const held: SharedRead = { read: once.then(({ read }) => read) };
  reading.set(readKey, held);
  // Held until the fresh value is in the database too: a read issued after this one resolved but before its
  // entry was written gets this value, as a cached one, instead of missing and loading again.
  void once
    .then(({ read, written }) => {
      if (reading.get(readKey) === held) {
        held.read = Promise.resolve({ ...read, fromCache: true });
        held.expiresAt = new Date(read.fetchedAt.getTime() + input.ttlMs);
      }
      return written;
    })
    .catch(() => undefined)
    .finally(() => {
      if (reading.get(readKey) === held) reading.delete(readKey);
    });
  return held.read as Promise<Cached<T>>;
}

/** Cache writes not yet finished, by org and key: readCached waits for its key's, and a test can wait for all. */
const writing = new Map<string, Promise<void>>();

/** Resolves when every cache write started so far has finished (failed writes included). */
export async function cacheWritesSettled(): Promise<void> {
  while (writing.size > 0) await Promise.all([...writing.values()]);
}

async function readThroughOnce<T>({
  orgId,
  key,
  ttlMs,
  load,
  force = false,
  now = new Date(),
}: ReadThroughInput<T>): Promise<{ read: Cached<T>; written: Promise<void> }> {
  // This process's own write of the key, if still landing, is what the database is about to hold.
  await writing.get(`${orgId}:${key}`);
  const entry = await readEntry(orgId, key);
  if (entry && !force && entry.expiresAt > now)
    return {
      read: { value: entry.value as T, fetchedAt: entry.fetchedAt, fromCache: true, stale: false, error: null },
      written: Promise.resolve(),
    };

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
    // The page renders while the entry is written: storing the value is not on the reader's critical path.
    const writeKey = `${orgId}:${key}`;
    const written: Promise<void> = writeCacheEntry({
      orgId,
      key,
      value,
      fetchedAt,
      expiresAt: new Date(fetchedAt.getTime() + ttlMs),
    })
      .catch((error: unknown) =>
        logger.warn({ err: error, key }, "Could not store a cached read; the next read loads it again"),
      )
      .finally(() => {
        if (writing.get(writeKey) === written) writing.delete(writeKey);
      });
    writing.set(writeKey, written);
    return {
      read: {
        value: rememberValue(orgId, key, fetchedAt, value),
        fetchedAt,
        fromCache: false,
        stale: false,
        error: null,
      },
      written,
    };
  } catch (error) {
    if (!entry) throw error;
    return {
      read: {
        value: entry.value as T,
        fetchedAt: entry.fetchedAt,
        fromCache: true,
        stale: true,
        error: error instanceof Error ? error.message : String(error),
      },
      written: Promise.resolve(),
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
  await writing.get(`${orgId}:${key}`);
  const entry = await readEntry(orgId, key);
  return entry && entry.expiresAt > now ? (entry.value as T) : null;
}

/**
 * Forgets an org's cached reads under a key prefix (after a write changed what they show): waits for this
 * process's writes of such keys first, so a write still landing cannot bring a forgotten value back, and drops
 * the reads held for joining, so the next read goes upstream.
 */
export async function forgetCached({ orgId, prefix }: { orgId: string; prefix: string }): Promise<void> {
  const scope = `${orgId}:${prefix}`;
  await Promise.all([...writing.entries()].filter(([key]) => key.startsWith(scope)).map(([, write]) => write));
  for (const key of [...reading.keys()]) if (key.startsWith(scope)) reading.delete(key);
  await deleteCacheEntries({ orgId, prefix });
}
