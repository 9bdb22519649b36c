import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import {
  applyMigrations,
  diffMigrationsAgainstSchema,
  loadMigrationsList,
  MIGRATIONS_DIR,
  readSchema,
} from "./schema-engine";

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
    await client.query(
      `INSERT INTO "Organization" (id, "workosOrgId", slug, name, "updatedAt") VALUES ('org_m', 'wos_m', 'm', 'M', now())`,
    );
    await client.query(
      `INSERT INTO "AuditLog" (id, "orgId", "actorType", "actorLabel", action, summary) VALUES ('a1', 'org_m', 'system', 'test', 'test.action', 'first')`,
    );
    await expect(client.query(`UPDATE "AuditLog" SET summary = 'rewritten'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(client.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only: DELETE/);
    await expect(client.query(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(client.query(`DELETE FROM "Organization" WHERE id = 'org_m'`)).rejects.toThrow(/foreign key/);
    const { rows } = await client.query(`SELECT summary FROM "AuditLog"`);
    expect(rows).toEqual([{ summary: "first" }]);
  });

  it("let erasure rewrite only an audit entry's personal text, and only when the transaction declares it", async () => {
    await client.query(
      `INSERT INTO "AuditLog" (id, "orgId", "actorType", "actorId", "actorLabel", action, summary) VALUES ('a2', 'org_m', 'user', 'user_1', 'grace@acme.test', 'member.removed', 'Grace Hopper removed')`,
    );
    await client.query("BEGIN");
    await client.query("SET LOCAL bosun.erasing_personal_data = 'on'");
    await client.query(
      `UPDATE "AuditLog" SET "actorLabel" = 'Former member 1', summary = 'Former member 1 removed' WHERE id = 'a2'`,
    );
    // Who did what, when and to what stays as written, even during erasure.
    await expect(client.query(`UPDATE "AuditLog" SET action = 'other' WHERE id = 'a2'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await client.query("ROLLBACK");
    await client.query("BEGIN");
    await client.query("SET LOCAL bosun.erasing_personal_data = 'on'");
    await client.query(
      `UPDATE "AuditLog" SET "actorLabel" = 'Former member 1', summary = 'Former member 1 removed' WHERE id = 'a2'`,
    );
    await expect(
      client.query(`UPDATE "AuditLog" SET "createdAt" = now() - interval '1 day' WHERE id = 'a2'`),
    ).rejects.toThrow(/append-only: UPDATE/);
    await client.query("ROLLBACK");
    await client.query("BEGIN");
    await client.query("SET LOCAL bosun.erasing_personal_data = 'on'");
    await client.query(
      `UPDATE "AuditLog" SET "actorLabel" = 'Former member 1', summary = 'Former member 1 removed' WHERE id = 'a2'`,
    );
    await expect(client.query(`DELETE FROM "AuditLog" WHERE id = 'a2'`)).rejects.toThrow(/append-only: DELETE/);
    await client.query("ROLLBACK");
    await client.query("BEGIN");
    await client.query("SET LOCAL bosun.erasing_personal_data = 'on'");
    await client.query(
      `UPDATE "AuditLog" SET "actorLabel" = 'Former member 1', summary = 'Former member 1 removed' WHERE id = 'a2'`,
    );
    await client.query("COMMIT");
    // The setting ends with its transaction: the next plain UPDATE is refused again.
    await expect(client.query(`UPDATE "AuditLog" SET summary = 'again' WHERE id = 'a2'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    const { rows } = await client.query(
      `SELECT "actorId", "actorLabel", action, summary FROM "AuditLog" WHERE id = 'a2'`,
    );
    expect(rows).toEqual([
      {
        actorId: "user_1",
        actorLabel: "Former member 1",
        action: "member.removed",
        summary: "Former member 1 removed",
      },
    ]);
  });
});
