// npm run db:seed — loads the demo organisations, people, integrations and recent automation history (idempotent).
import { seedDatabase } from "./seed-data";
import { runDatabaseCommand } from "../scripts/db/resolve-database";

await runDatabaseCommand(async (url) => {
  console.log(`Seeded: ${await seedDatabase(url, { automationHistory: true })}`);
});
