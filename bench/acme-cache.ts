import pg from "pg";

/**
 * A connection to the bench's database for the time of `measure`, with a way to
 * empty the acme org's read-through cache so the next page load is a cold one.
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
    return await measure({ emptyCache: () => db.query(`DELETE FROM "CacheEntry" WHERE "orgId" = $1`, [orgId]) });
  } finally {
    await db.end();
  }
}
