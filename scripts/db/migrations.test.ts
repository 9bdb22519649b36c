import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { applyMigrations, diffMigrationsAgainstSchema, loadMigrationsList, MIGRATIONS_DIR, readSchema } from "./schema-engine";

describe("migrations", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase("migrations");
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it("produce exactly the schema in prisma/schema.prisma (no drift)", async () => {
    // Replays every committed migration into a shadow database and diffs it against the schema.
    const pending = await diffMigrationsAgainstSchema(inject("testDatabaseServerUrl"));
    expect(pending).toBe("");
  });

  it("would report drift if the schema changed without a migration", async () => {
    const drifted = readSchema().replace("model Job {", "model Job {\n  priority Int @default(0)");
    const pending = await diffMigrationsAgainstSchema(inject("testDatabaseServerUrl"), drifted);
    expect(pending).toMatch(/ALTER TABLE "Job" ADD COLUMN\s+"priority" INTEGER NOT NULL DEFAULT 0/);
  });

  it("record the same bookkeeping as `prisma migrate deploy`, and a re-run is a no-op", async () => {
    expect(await applyMigrations(database.url)).toEqual([]);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const dirs = loadMigrationsList().migrationDirectories.map((d) => d.path);
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("make the audit log append-only", async () => {
    await client.query(`INSERT INTO "Organization" (id, "workosOrgId", slug, name, "updatedAt") VALUES ('org_m', 'wos_m', 'm', 'M', now())`);
    await client.query(`INSERT INTO "AuditLog" (id, "orgId", "actorType", "actorLabel", action, summary) VALUES ('a1', 'org_m', 'system', 'test', 'test.action', 'first')`);
    await expect(client.query(`UPDATE "AuditLog" SET summary = 'rewritten'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(client.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only: DELETE/);
    await expect(client.query(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(client.query(`DELETE FROM "Organization" WHERE id = 'org_m'`)).rejects.toThrow(/foreign key/);
    const { rows } = await client.query(`SELECT summary FROM "AuditLog"`);
    expect(rows).toEqual([{ summary: "first" }]);
  });
});
