import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { seedDatabase } from "@/prisma/seed-data";
import { startCountingProxy } from "@/test/counting-proxy";
import { createTestDatabase } from "@/test/database";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import type * as Load from "./load";

/** `?environment=` on the errors page and in list_sentry_issues, against the Sentry emulator through a counting proxy. */
describe("environment filter", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: PrismaClient;
  let sentry: RunningSentryEmulator;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let load: typeof Load;
  let orgId: string;
  const cacheKeys = async () => (await db.cacheEntry.findMany({ where: { orgId }, select: { key: true } })).map((e) => e.key).sort();

  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
    proxy = await startCountingProxy(sentry.url);
    database = await createTestDatabase("environment");
    await seedDatabase(database.url, { urls: { sentry: proxy.url, jira: "http://127.0.0.1:1" } });
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    vi.stubEnv("DATABASE_URL", database.url);
    vi.resetModules();
    (globalThis as { bosunDb?: unknown }).bosunDb = undefined;
    load = await import("./load");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await proxy.close();
    await sentry.close();
    await db.$disconnect();
    await database.drop();
  });

  it("offers the environments Sentry lists, and filters by one of them", async () => {
    const all = await load.loadErrorsPage({ orgId, filters: { period: "7d", sort: "severity" } });
    if (all.status !== "ok") throw new Error(all.status);
    expect(all.environments).toEqual(expect.arrayContaining(["production", "staging"]));
    expect(all.ignoredEnvironment).toBeNull();

    const staging = await load.loadErrorsPage({ orgId, filters: { period: "7d", sort: "severity", environment: "staging" } });
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
    const page = await load.loadErrorsPage({ orgId, filters: { period: "24h", sort: "severity", environment: "qa" }, strictEnvironment: true });
    expect(page).toMatchObject({ status: "invalid", field: "environment", message: expect.stringMatching(/^environment: Sentry has no environment named "qa" \(it has .*production/) });
    expect(proxy.count()).toBe(0);
  });
});
