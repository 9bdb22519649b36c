import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/test/database";

async function loadRoute(databaseUrl: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", databaseUrl);
  (globalThis as { bosunDb?: unknown }).bosunDb = undefined;
  return import("./route");
}

describe("GET /api/health", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase("health");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database.drop();
  });

  it("answers 200 with the mode and version when the database is reachable", async () => {
    const { GET } = await loadRoute(database.url);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok", mode: "demo", version: expect.any(String) });
  });

  it("answers 503 and names the database when it is unreachable", async () => {
    const { GET } = await loadRoute("postgresql://postgres@127.0.0.1:1/nowhere");
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: "degraded", database: "unreachable", mode: "demo" });
    expect(body.error).toMatch(/^database: .+/);
  });
});
