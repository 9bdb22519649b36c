import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db, pool } from "@/lib/db/client";
import { readCacheEntry, writeCacheEntry } from "./cache";

/**
 * A page starts its panels' cache lookups together; they travel as one statement per org, each caller still
 * getting only its own entry.
 */
describe("readCacheEntry", () => {
  useSeededDatabase({ label: "cache-lookups", seed: false });
  let ids: { acme: string; globex: string };
  const fetchedAt = new Date("2026-12-01T10:00:00.000Z");
  const expiresAt = new Date("2026-12-01T10:05:00.000Z");

  beforeAll(async () => {
    const acme = await db.organization.create({ data: { slug: "acme", name: "Acme", workosOrgId: "org_acme" } });
    const globex = await db.organization.create({ data: { slug: "globex", name: "Globex", workosOrgId: "org_gx" } });
    ids = { acme: acme.id, globex: globex.id };
    await writeCacheEntry({ orgId: acme.id, key: "vitals", value: { lcp: 2300 }, fetchedAt, expiresAt });
    await writeCacheEntry({ orgId: acme.id, key: "series", value: [1, 2, 3], fetchedAt, expiresAt });
    await writeCacheEntry({ orgId: globex.id, key: "vitals", value: { lcp: 9999 }, fetchedAt, expiresAt });
  });

  afterEach(() => vi.restoreAllMocks());

  it("answers lookups started together with one statement per org, each with its own entry", async () => {
    const query = vi.spyOn(pool, "query");
    const [vitals, series, missing, theirs] = await Promise.all([
      readCacheEntry({ orgId: ids.acme, key: "vitals" }),
      readCacheEntry({ orgId: ids.acme, key: "series" }),
      readCacheEntry({ orgId: ids.acme, key: "nothing-here" }),
      readCacheEntry({ orgId: ids.globex, key: "vitals" }),
    ]);
    expect(query).toHaveBeenCalledTimes(2);
    expect(vitals).toEqual({ fetchedAt, expiresAt, changed: true, value: { lcp: 2300 } });
    expect(series).toEqual({ fetchedAt, expiresAt, changed: true, value: [1, 2, 3] });
    expect(missing).toBeNull();
    expect(theirs).toEqual({ fetchedAt, expiresAt, changed: true, value: { lcp: 9999 } });
  });

  it("leaves out the value a caller already holds, per caller, even for the same key in one statement", async () => {
    const [held, stale] = await Promise.all([
      readCacheEntry({ orgId: ids.acme, key: "vitals", heldFetchedAt: fetchedAt }),
      readCacheEntry({ orgId: ids.acme, key: "vitals", heldFetchedAt: new Date("2026-11-30T00:00:00.000Z") }),
    ]);
    expect(held).toEqual({ fetchedAt, expiresAt, changed: false });
    expect(stale).toEqual({ fetchedAt, expiresAt, changed: true, value: { lcp: 2300 } });
  });

  it("sends a lookup started later on its own", async () => {
    const query = vi.spyOn(pool, "query");
    await readCacheEntry({ orgId: ids.acme, key: "vitals" });
    await readCacheEntry({ orgId: ids.acme, key: "series" });
    expect(query).toHaveBeenCalledTimes(2);
  });

  it("fails every lookup of a statement the database refuses, and the next lookups work again", async () => {
    vi.spyOn(pool, "query").mockRejectedValueOnce(new Error("connection reset"));
    const reads = [
      readCacheEntry({ orgId: ids.acme, key: "vitals" }),
      readCacheEntry({ orgId: ids.acme, key: "series" }),
    ];
    await expect(reads[0]).rejects.toThrow("connection reset");
    await expect(reads[1]).rejects.toThrow("connection reset");
    vi.restoreAllMocks();
    expect(await readCacheEntry({ orgId: ids.acme, key: "series" })).toMatchObject({ value: [1, 2, 3] });
  });
});
