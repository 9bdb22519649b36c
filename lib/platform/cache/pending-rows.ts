import "server-only";
import { after } from "next/server";
import { writeCacheEntry } from "@/lib/db/queries/cache";
import { logger } from "@/lib/platform/observability/logger";

/**
 * Cache rows of loaded values, between the load and the row's write. A value is handed out at once and its row is
 * written later: after the response when a request loaded it (Next.js's `after`), otherwise once no upstream load
 * is under way in this process (at most a second later). On a cold page the writes competed with the page's
 * remaining reads and its last render for the CPU: about 10 ms of a 160 ms load. Until its row is written, reads
 * in this process are answered from here, so none of them goes upstream again.
 */
export type PendingRow = { orgId: string; key: string; value: unknown; fetchedAt: Date; expiresAt: Date };

/** Rows not written yet (or being written), by org and key. */
const unwritten = new Map<string, PendingRow>();
/** Writes under way, by org and key; each starts after the key's previous one, so the last load wins. */
const writing = new Map<string, Promise<void>>();
/** Rows whose write has started, so that two triggers never write one row twice. */
const started = new WeakSet<PendingRow>();
/** Rows loaded outside a request, written when the process's loads are done. */
const waitingForIdle = new Set<string>();
/** The longest a row loaded outside a request waits for the process's upstream loads to finish. */
const IDLE_WAIT_LIMIT_MS = 1000;
let idleDeadline: ReturnType<typeof setTimeout> | null = null;

const rowKeyOf = (orgId: string, key: string) => `${orgId}:${key}`;

/** Holds a loaded value's row and schedules its write. */
export function holdRow(row: PendingRow, { loadsUnderWay }: { loadsUnderWay: boolean }) {
  const rowKey = rowKeyOf(row.orgId, row.key);
  unwritten.set(rowKey, row);
  if (afterResponse(() => writeRow(rowKey))) return;
  waitingForIdle.add(rowKey);
  if (!loadsUnderWay) writeIdleRows();
  else idleDeadline ??= setTimeout(writeIdleRows, IDLE_WAIT_LIMIT_MS);
}

/** Called when the process's last upstream load has settled. */
export function loadsSettled() {
  if (waitingForIdle.size > 0) writeIdleRows();
}

/** The value loaded for this key whose row is not written yet, if any. */
export function pendingRow(orgId: string, key: string): PendingRow | undefined {
  return unwritten.get(rowKeyOf(orgId, key));
}

/** Resolves when the key's row write under way (if any) has finished. */
export async function rowWritten(orgId: string, key: string): Promise<void> {
  await writing.get(rowKeyOf(orgId, key));
}

/** Writes every held row now and resolves once all are written (tests read the rows themselves). */
export async function cacheWritesSettled(): Promise<void> {
  for (const rowKey of unwritten.keys()) writeRow(rowKey);
  while (writing.size > 0) await Promise.all(writing.values());
}

/** Drops held rows under an org's key prefix (never written now) and waits for those being written. */
export async function forgetPendingRows({ orgId, prefix }: { orgId: string; prefix: string }): Promise<void> {
  const under = rowKeyOf(orgId, prefix);
  for (const rowKey of unwritten.keys()) if (rowKey.startsWith(under)) unwritten.delete(rowKey);
  await Promise.all([...writing].filter(([rowKey]) => rowKey.startsWith(under)).map(([, write]) => write));
}

/** Schedules the task after the current request's response; false outside a request (a job, a script, a test). */
function afterResponse(task: () => void): boolean {
  try {
    after(task);
    return true;
  } catch {
    return false;
  }
}

function writeIdleRows() {
  if (idleDeadline) clearTimeout(idleDeadline);
  idleDeadline = null;
  for (const rowKey of waitingForIdle) writeRow(rowKey);
  waitingForIdle.clear();
}

function writeRow(rowKey: string) {
  const row = unwritten.get(rowKey);
  if (!row || started.has(row)) return;
  started.add(row);
  const write: Promise<void> = (writing.get(rowKey) ?? Promise.resolve())
    .then(() => writeCacheEntry(row))
    // Only the cache is lost: the value has been handed out, and the next read loads it again.
    .catch((error: unknown) => logger.warn({ key: row.key, err: error }, "could not write a cache entry"))
    .finally(() => {
      // Answered from memory until written (or until the write failed); a newer load may have replaced it.
      if (unwritten.get(rowKey) === row) unwritten.delete(rowKey);
      if (writing.get(rowKey) === write) writing.delete(rowKey);
    });
  writing.set(rowKey, write);
}
