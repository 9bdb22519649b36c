// npm run db:seed — loads the demo organisations, people and integrations (idempotent).
import { seedDatabase } from "./seed-data";
import { runDatabaseCommand } from "../scripts/db/resolve-database";

await runDatabaseCommand(async (url) => {
  console.log(`Seeded: ${await seedDatabase(url)}`);
});
