import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import * as cache from "./read-through";

describe("readThrough", () => {
  let orgId: string;

  useSeededDatabase({ label: "cache", seed: false });
  beforeAll(async () => {
    orgId = (await db.organization.create({ data: { slug: "c", name: "C", workosOrgId: "org_c" } })).id;
  });

  it("calls upstream once per freshness window, and again after it", async () => {
    const load = vi.fn(async () => ({ sprints: 3 }));
    const first = await cache.readThrough({ orgId, key: "board:1", ttlMs: 60_000, load });
    const second = await cache.readThrough({ orgId, key: "board:1", ttlMs: 60_000, load });
    expect(first).toMatchObject({ value: { sprints: 3 }, fromCache: false, stale: false });
    expect(second).toMatchObject({ value: { sprints: 3 }, fromCache: true, stale: false });
    expect(load).toHaveBeenCalledTimes(1);
    await cache.readThrough({ orgId, key: "board:1", ttlMs: 60_000, load, now: new Date(Date.now() + 61_000) });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("shares one upstream call between concurrent misses", async () => {
    let calls = 0;
    const load = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 30));
      return calls;
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => cache.readThrough({ orgId, key: "board:2", ttlMs: 60_000, load })),
    );
    expect(calls).toBe(1);
    expect(results.every((r) => r.value === 1)).toBe(true);
  });

  it("shares one upstream call between concurrent misses even when the load finishes before the others' database reads", async () => {
    let calls = 0;
    const load = async () => ++calls;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => cache.readThrough({ orgId, key: "board:6", ttlMs: 60_000, load })),
    );
    expect(calls).toBe(1);
    expect(results.every((r) => r.value === 1)).toBe(true);
  });

  it("serves the last good data, marked stale, when upstream fails", async () => {
    await cache.readThrough({ orgId, key: "board:3", ttlMs: 1, load: async () => "good" });
    const result = await cache.readThrough({
      orgId,
      key: "board:3",
      ttlMs: 1,
      force: true,
      load: async () => Promise.reject(new Error("429 Too Many Requests")),
    });
    expect(result).toMatchObject({ value: "good", stale: true, error: "429 Too Many Requests" });
  });

  it("fails when there is nothing to fall back on", async () => {
    await expect(
      cache.readThrough({ orgId, key: "board:4", ttlMs: 1, load: async () => Promise.reject(new Error("down")) }),
    ).rejects.toThrow("down");
  });

  it("reuses the value it parsed while the entry is unchanged, and reads a newer one another replica wrote", async () => {
    await cache.readThrough({ orgId, key: "board:5", ttlMs: 60_000, load: async () => ({ issues: ["A-1"] }) });
    const first = await cache.readCached<{ issues: string[] }>({ orgId, key: "board:5" });
    const second = await cache.readCached<{ issues: string[] }>({ orgId, key: "board:5" });
    expect(second).toBe(first);
    expect(Object.isFrozen(first?.issues)).toBe(true);

    // Another process refreshes the entry: a new fetchedAt, so the new value is read.
    await cache.cacheWritesSettled();
    await db.cacheEntry.update({
      where: { orgId_key: { orgId, key: "board:5" } },
      data: { value: { issues: ["A-1", "A-2"] }, fetchedAt: new Date(Date.now() + 1_000) },
    });
    expect(await cache.readCached({ orgId, key: "board:5" })).toEqual({ issues: ["A-1", "A-2"] });
    // And a deleted entry (a forced refresh clears the org's prefix) is gone, whatever this process remembers.
    await db.cacheEntry.delete({ where: { orgId_key: { orgId, key: "board:5" } } });
    expect(await cache.readCached({ orgId, key: "board:5" })).toBeNull();
  });

  it("keeps orgs apart", async () => {
    const other = (await db.organization.create({ data: { slug: "d", name: "D", workosOrgId: "org_d" } })).id;
    await cache.readThrough({ orgId, key: "shared-key", ttlMs: 60_000, load: async () => "mine" });
    expect(
      (await cache.readThrough({ orgId: other, key: "shared-key", ttlMs: 60_000, load: async () => "theirs" })).value,
    ).toBe("theirs");
  });
});
