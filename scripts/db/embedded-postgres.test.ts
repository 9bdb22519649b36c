import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ROOT, applyMigrations } from "./schema-engine";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  // When run as root, Postgres runs as the postgres OS user, which must be able to reach the folder.
  const dataRoot = mkdtempSync(path.join(os.tmpdir(), "bosun-embedded-"));
  chmodSync(dataRoot, 0o755);
  const dataDir = path.join(dataRoot, "pg");
  afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

  it("starts from nothing, migrates, and keeps its data across a restart", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, database: "bosun", log: () => {} });
    expect(first.reused).toBe(false);
    const url = first.urlFor();
    expect(await applyMigrations(url)).toEqual(readdirSync(path.join(ROOT, "prisma/migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort());
    await query(url, `INSERT INTO "Organization" (id, "workosOrgId", slug, name, "updatedAt") VALUES ('o1', 'w1', 'kept', 'Kept Org', now())`);
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port, database: "bosun", log: () => {} });
    try {
      expect(await applyMigrations(second.urlFor())).toEqual([]);
      expect(await query(second.urlFor(), `SELECT slug, name FROM "Organization"`)).toEqual([{ slug: "kept", name: "Kept Org" }]);
      const [{ server_version: version }] = (await query<{ server_version: string }>(second.urlFor(), "SHOW server_version")) as [{ server_version: string }];
      expect(Number.parseInt(version, 10)).toBeGreaterThanOrEqual(15);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it("reuses a server that is already running instead of starting a second one", async () => {
    const port = await freePort();
    const owner = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "pg2"), port, database: "bosun", log: () => {} });
    try {
      const guest = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "pg2"), port, database: "other", log: () => {} });
      expect(guest.reused).toBe(true);
      expect(await query(guest.urlFor("other"), "SELECT current_database() AS db")).toEqual([{ db: "other" }]);
    } finally {
      await owner.stop();
    }
  }, 60_000);
});
