import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import * as cache from "./read-through";

/** Rows are written in the background: wait for them as long as a slow machine may need. */
const SLOW_MACHINE = { timeout: 10_000, interval: 20 };

/** Inside a request, Next.js's `after` runs its tasks once the response has been sent; here the test sends it. */
const response = vi.hoisted(() => ({ open: false, tasks: [] as (() => void)[] }));
vi.mock("next/server", () => ({
  after: (task: () => void) => {
    if (!response.open) throw new Error("`after` was called outside a request scope");
    response.tasks.push(task);
  },
}));

function sendResponse() {
  response.open = false;
  for (const task of response.tasks.splice(0)) task();
}

describe("cache rows of values loaded in a request", () => {
  let orgId: string;

  useSeededDatabase({ label: "cache-after-response", seed: false });
  beforeAll(async () => {
    orgId = (await db.organization.create({ data: { slug: "r", name: "R", workosOrgId: "org_r" } })).id;
  });

  it("are written after the response, not while the page is still rendering", async () => {
    response.open = true;
    const load = vi.fn(async () => ({ vitals: 5 }));
    await cache.readThrough({ orgId, key: "page:vitals", ttlMs: 60_000, load });
    await cache.readThrough({ orgId, key: "page:series", ttlMs: 60_000, load });
    // Every load of the page is done, and still no row: the response is not sent yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.cacheEntry.count({ where: { orgId } })).toBe(0);
    expect(await cache.readThrough({ orgId, key: "page:vitals", ttlMs: 60_000, load })).toMatchObject({
      fromCache: true,
    });
    expect(load).toHaveBeenCalledTimes(2);

    sendResponse();
    await vi.waitFor(async () => expect(await db.cacheEntry.count({ where: { orgId } })).toBe(2), SLOW_MACHINE);
  });

  it("are never written once invalidated before the response was sent", async () => {
    response.open = true;
    await cache.readThrough({ orgId, key: "issues:open", ttlMs: 60_000, load: async () => ["A-1"] });
    await cache.forgetCached({ orgId, prefix: "issues:" });
    sendResponse();
    await cache.cacheWritesSettled();
    expect(await db.cacheEntry.count({ where: { orgId, key: "issues:open" } })).toBe(0);
  });
});
