import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy } from "@/test/counting-proxy";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { cacheWritesSettled } from "@/lib/platform/cache/read-through";
import * as load from "./load";

/** `?environment=` on the errors page and in list_sentry_issues, against the Sentry emulator through a counting proxy. */
describe("environment filter", () => {
  let sentry: RunningSentryEmulator;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let orgId: string;
  const cacheKeys = async () => {
    // Rows are written after the values are handed out (read-through.ts).
    await cacheWritesSettled();
    return (await db.cacheEntry.findMany({ where: { orgId }, select: { key: true } })).map((e) => e.key).sort();
  };

  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
    proxy = await startCountingProxy(sentry.url);
  });
  useSeededDatabase({
    label: "environment",
    seed: () => ({ urls: { sentry: proxy.url, jira: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(async () => {
    await proxy.close();
    await sentry.close();
  });

  it("offers the environments Sentry lists, and filters by one of them", async () => {
    const all = await load.loadErrorsPage({ orgId, filters: { period: "7d", sort: "severity" } });
    if (all.status !== "ok") throw new Error(all.status);
    expect(all.environments).toEqual(expect.arrayContaining(["production", "staging"]));
    expect(all.ignoredEnvironment).toBeNull();

    const staging = await load.loadErrorsPage({
      orgId,
      filters: { period: "7d", sort: "severity", environment: "staging" },
    });
    if (staging.status !== "ok") throw new Error(staging.status);
    expect(staging.ignoredEnvironment).toBeNull();
    expect(staging.total).toBeGreaterThan(0);
    expect(staging.total).toBeLessThan(all.total);
  });

  it("an unknown environment reaches neither Sentry nor the cache: the page shows all and says so", async () => {
    await load.loadErrorsPage({ orgId, filters: { period: "24h", sort: "severity" } });
    const keysBefore = await cacheKeys();
    proxy.reset();
    for (const environment of ["qa", "Production", "x".repeat(300), "staging' OR 1=1"]) {
      const page = await load.loadErrorsPage({ orgId, filters: { period: "24h", sort: "severity", environment } });
      if (page.status !== "ok") throw new Error(page.status);
      expect(page.ignoredEnvironment).toBe(environment.length > 64 ? `${"x".repeat(64)}…` : environment);
    }
    expect(proxy.count()).toBe(0);
    expect(await cacheKeys()).toEqual(keysBefore);
  });

  it("API callers get the field named instead, with no upstream call", async () => {
    proxy.reset();
    const page = await load.loadErrorsPage({
      orgId,
      filters: { period: "24h", sort: "severity", environment: "qa" },
      strictEnvironment: true,
    });
    expect(page).toMatchObject({
      status: "invalid",
      field: "environment",
      message: expect.stringMatching(/^environment: Sentry has no environment named "qa" \(it has .*production/),
    });
    expect(proxy.count()).toBe(0);
  });
});
