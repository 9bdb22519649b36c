import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

/** How long the background may take to settle before a measurement starts anyway. */
const IDLE_WAIT_MS = 180_000;

/**
 * Waits until the worker has queued the periodic checks it queues at start (the sprint reconciliation is
 * the one that reads Jira) and no job is running or due: the worker's upstream reads go through the same
 * recording proxy, and a page load must not be charged with them.
 */
export async function waitForIdleJobs(db: pg.Client): Promise<void> {
  const deadline = Date.now() + IDLE_WAIT_MS;
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ scheduled: boolean; busy: string }>(
      `SELECT EXISTS (SELECT 1 FROM "Job" WHERE queue = 'jira.sprint-reconcile') AS scheduled,
              (SELECT count(*) FROM "Job" WHERE status = 'running' OR (status = 'queued' AND "runAt" <= now())) AS busy`,
    );
    if (rows[0]?.scheduled && Number(rows[0].busy) === 0) return;
    await sleep(250);
  }
}

/**
 * Empties the org's read-through cache once the last load's rows are in: Bosun writes a page's cache rows after
 * its response has been sent, and a row landing after the DELETE would make the next "cold" load a warm one. So
 * it waits at least 100 ms, and then until the row count holds still for 25 ms (at most 2 s).
 */
async function emptyCache(db: pg.Client, orgId: string): Promise<void> {
  const count = async () =>
    Number(
      (await db.query<{ n: string }>(`SELECT count(*) AS n FROM "CacheEntry" WHERE "orgId" = $1`, [orgId])).rows[0]?.n,
    );
  await sleep(100);
  const deadline = Date.now() + 2_000;
  let last = await count();
  while (Date.now() < deadline) {
    await sleep(25);
    const now = await count();
    if (now === last) break;
    last = now;
  }
  await db.query(`DELETE FROM "CacheEntry" WHERE "orgId" = $1`, [orgId]);
  // The DELETE ends the org's kept renders in every web process once its NOTIFY arrives (README, "Kept renders");
  // a moment for it to travel, so the next load renders.
  await sleep(25);
}

/**
 * A connection to the bench's database for the time of `measure`, once the job queue is idle, with a way
 * to empty the acme org's read-through cache so the next page load is a cold one.
 */
export async function withAcmeCache<T>(
  databaseUrl: string,
  measure: (cache: { emptyCache: () => Promise<unknown> }) => Promise<T>,
): Promise<T> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Organization" WHERE slug = 'acme'`);
    const orgId = rows[0]?.id;
    if (!orgId) throw new Error("no acme org");
    await waitForIdleJobs(db);
    return await measure({ emptyCache: () => emptyCache(db, orgId) });
  } finally {
    await db.end();
  }
}
