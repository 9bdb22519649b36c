import { describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";

async function loadRoute(databaseUrl: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", databaseUrl);
  (globalThis as { bosunDb?: unknown }).bosunDb = undefined;
  return import("./route");
}

describe("GET /api/health", () => {
  const database = useSeededDatabase({ label: "health", seed: false });

  it("answers 200 with the mode and version when the database is reachable", async () => {
    const { GET } = await loadRoute(database.url);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok", mode: "demo", version: expect.any(String) });
  });

  it("finding 8 (health): answers 503 with a generic status, no driver error text, and logs the details", async () => {
    const { GET } = await loadRoute("postgresql://postgres@127.0.0.1:1/nowhere");
    const { logger } = await import("@/lib/platform/observability/logger");
    const logged = vi.spyOn(logger, "error");
    const response = await GET();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "degraded", database: "unreachable", mode: "demo", version: expect.any(String) });
    // Nothing of what the driver said (or where the database lives) reaches an anonymous caller.
    for (const leak of ["ECONNREFUSED", "127.0.0.1", "nowhere", "connect", "error"]) expect(text).not.toContain(leak);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.anything() }), expect.stringContaining("database"));
    logged.mockRestore();
  });
});
