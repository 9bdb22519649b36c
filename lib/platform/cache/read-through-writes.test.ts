import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import type * as CacheQueries from "@/lib/db/queries/cache";
import * as cache from "./read-through";

/** Rows are written in the background: wait for them as long as a slow machine may need. */
const SLOW_MACHINE = { timeout: 10_000, interval: 20 };

/**
 * A loaded value is handed out without waiting for its cache row to be written: the write is off the page's
 * critical path. These tests hold the write back (or fail it) to show what a reader sees meanwhile.
 */
const writes = vi.hoisted(() => ({ gate: null as Promise<void> | null, fail: false }));

vi.mock("@/lib/db/queries/cache", async (importOriginal) => {
  const actual = await importOriginal<typeof CacheQueries>();
  return {
    ...actual,
    writeCacheEntry: async (input: Parameters<typeof actual.writeCacheEntry>[0]) => {
      await writes.gate;
      if (writes.fail) throw new Error("the database refused the row");
      return actual.writeCacheEntry(input);
    },
  };
});

function holdWrites() {
  let open!: () => void;
  writes.gate = new Promise<void>((resolve) => (open = resolve));
  return () => {
    writes.gate = null;
    open();
  };
}

describe("readThrough's cache write", () => {
  let orgId: string;

  useSeededDatabase({ label: "cache-writes", seed: false });
  beforeAll(async () => {
    orgId = (await db.organization.create({ data: { slug: "w", name: "W", workosOrgId: "org_w" } })).id;
  });

  /** Another read of the page, still waiting for its upstream answer until `finish`. */
  function slowRead(key: string) {
    let answer!: (value: string) => void;
    const read = cache.readThrough({
      orgId,
      key,
      ttlMs: 60_000,
      load: () => new Promise<string>((resolve) => (answer = resolve)),
    });
    return {
      finish: async () => {
        answer("slow");
        await read;
      },
    };
  }

  it("hands out the loaded value before the row is written, and later reads in the process wait for the row", async () => {
    const release = holdWrites();
    const load = vi.fn(async () => ({ sprints: 4 }));
    const first = await cache.readThrough({ orgId, key: "board:held", ttlMs: 60_000, load });
    expect(first).toMatchObject({ value: { sprints: 4 }, fromCache: false });
    expect(await db.cacheEntry.count({ where: { orgId, key: "board:held" } })).toBe(0);

    // A read issued now must not see the missing row and go upstream again.
    const second = cache.readThrough({ orgId, key: "board:held", ttlMs: 60_000, load });
    const cached = cache.readCached<{ sprints: number }>({ orgId, key: "board:held" });
    release();
    expect(await second).toMatchObject({ value: { sprints: 4 }, fromCache: true });
    expect(await cached).toEqual({ sprints: 4 });
    expect(load).toHaveBeenCalledTimes(1);
    await cache.cacheWritesSettled();
    expect(await db.cacheEntry.count({ where: { orgId, key: "board:held" } })).toBe(1);
  });

  it("still hands out the value when the row cannot be written, and loads again next time", async () => {
    writes.fail = true;
    try {
      const load = vi.fn(async () => "fresh");
      expect((await cache.readThrough({ orgId, key: "board:unwritable", ttlMs: 60_000, load })).value).toBe("fresh");
      await cache.cacheWritesSettled();
      expect((await cache.readThrough({ orgId, key: "board:unwritable", ttlMs: 60_000, load })).value).toBe("fresh");
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      writes.fail = false;
    }
  });

  it("lets a forced refresh replace a row still being written, never the other way round", async () => {
    const release = holdWrites();
    await cache.readThrough({ orgId, key: "board:order", ttlMs: 60_000, load: async () => "older" });
    const refreshed = cache.readThrough({
      orgId,
      key: "board:order",
      ttlMs: 60_000,
      force: true,
      load: async () => "newer",
    });
    release();
    expect((await refreshed).value).toBe("newer");
    await cache.cacheWritesSettled();
    const row = await db.cacheEntry.findUniqueOrThrow({ where: { orgId_key: { orgId, key: "board:order" } } });
    expect(row.value).toBe("newer");
  });

  it("writes no row while other upstream loads are under way, and answers reads from memory meanwhile", async () => {
    // The one-second bound is held still, so a slow machine cannot reach it between two statements here.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const slow = slowRead("page:slow");
    const load = vi.fn(async () => "quick");
    expect((await cache.readThrough({ orgId, key: "page:quick", ttlMs: 60_000, load })).value).toBe("quick");
    // The page's other read is still out: its row waits, so it does not compete with that read.
    expect(await db.cacheEntry.count({ where: { orgId, key: "page:quick" } })).toBe(0);
    expect(await cache.readThrough({ orgId, key: "page:quick", ttlMs: 60_000, load })).toMatchObject({
      value: "quick",
      fromCache: true,
    });
    expect(await cache.readCached({ orgId, key: "page:quick" })).toBe("quick");
    expect(load).toHaveBeenCalledTimes(1);

    await slow.finish();
    vi.useRealTimers();
    await vi.waitFor(
      async () => expect(await db.cacheEntry.count({ where: { orgId, key: { startsWith: "page:" } } })).toBe(2),
      SLOW_MACHINE,
    );
  });

  it("writes a row after a second even while loads keep going", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const slow = slowRead("busy:slow");
    await cache.readThrough({ orgId, key: "busy:quick", ttlMs: 60_000, load: async () => "quick" });
    vi.advanceTimersByTime(999);
    expect(await db.cacheEntry.count({ where: { orgId, key: "busy:quick" } })).toBe(0);
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    await vi.waitFor(
      async () => expect(await db.cacheEntry.count({ where: { orgId, key: "busy:quick" } })).toBe(1),
      SLOW_MACHINE,
    );
    await slow.finish();
  });

  it("forgets an unwritten value when its key is invalidated: it is neither served nor written later", async () => {
    const slow = slowRead("gone:slow");
    await cache.readThrough({ orgId, key: "gone:issues", ttlMs: 60_000, load: async () => "before the change" });
    await cache.forgetCached({ orgId, prefix: "gone:issues" });
    const load = vi.fn(async () => "after the change");
    expect((await cache.readThrough({ orgId, key: "gone:issues", ttlMs: 60_000, load })).value).toBe(
      "after the change",
    );
    expect(load).toHaveBeenCalledTimes(1);
    await slow.finish();
    await cache.cacheWritesSettled();
    const row = await db.cacheEntry.findUniqueOrThrow({ where: { orgId_key: { orgId, key: "gone:issues" } } });
    expect(row.value).toBe("after the change");
  });
});
