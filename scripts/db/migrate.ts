// npm run db:migrate — applies prisma/migrations to DATABASE_URL or the embedded database.
import { applyMigrations } from "./schema-engine";
import { redactUrl, runDatabaseCommand } from "./resolve-database";

await runDatabaseCommand(async (url) => {
  const applied = await applyMigrations(url);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${redactUrl(url)}:\n  ${applied.join("\n  ")}`
      : `${redactUrl(url)} is up to date.`,
  );
});
