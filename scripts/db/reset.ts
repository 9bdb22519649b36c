// npm run db:reset — drops everything in the database, re-applies all migrations and seeds demo data.
import pg from "pg";
import { applyMigrations } from "./schema-engine";
import { redactUrl, runDatabaseCommand } from "./resolve-database";
import { seedDatabase } from "../../prisma/seed-data";

await runDatabaseCommand(async (url) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
  const applied = await applyMigrations(url);
  console.log(`Reset ${redactUrl(url)}: applied ${applied.length} migration(s).`);
  const summary = await seedDatabase(url, { automationHistory: true });
  console.log(`Seeded: ${summary}`);
});
