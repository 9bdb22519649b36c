import { describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/platform/observability/logger";
import { pointAppAtDatabase, useSeededDatabase } from "@/test/fixtures/database";
import { GET } from "./route";

describe("GET /api/health", () => {
  useSeededDatabase({ label: "health", seed: false });

  it("answers 200 with the mode and version when the database is reachable", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok", mode: "demo", version: expect.any(String) });
  });

  it("finding 8 (health): answers 503 with a generic status, no driver error text, and logs the details", async () => {
    const unreachable = pointAppAtDatabase("postgresql://postgres@127.0.0.1:1/nowhere");
    const logged = vi.spyOn(logger, "error");
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        status: "degraded",
        database: "unreachable",
        mode: "demo",
        version: expect.any(String),
      });
      // Nothing of what the driver said (or where the database lives) reaches an anonymous caller.
      for (const leak of ["ECONNREFUSED", "127.0.0.1", "nowhere", "connect", "error"]) expect(text).not.toContain(leak);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.anything() }),
        expect.stringContaining("database"),
      );
    } finally {
      logged.mockRestore();
      await unreachable.close();
    }
  });
});
