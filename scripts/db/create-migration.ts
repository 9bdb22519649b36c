// npm run db:migration -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the schema the committed migrations produce to
// prisma/schema.prisma (the `prisma migrate dev --create-only` equivalent).
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { diffMigrationsAgainstSchema, LOCKFILE_CONTENT, MIGRATIONS_DIR } from "./schema-engine";
import { runDatabaseCommand } from "./resolve-database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lowercase letters, digits and underscores)");
  process.exit(2);
}

await runDatabaseCommand(async (url) => {
  const script = await diffMigrationsAgainstSchema(url);
  if (!script.trim()) {
    console.log("prisma/schema.prisma matches the migrations: nothing to create.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dirName = `${stamp}_${name}`;
  const dir = path.join(MIGRATIONS_DIR, dirName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), script);
  const lockfile = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lockfile)) writeFileSync(lockfile, LOCKFILE_CONTENT);
  console.log(`Created prisma/migrations/${dirName}/migration.sql — review it, then run npm run db:migrate.`);
});
