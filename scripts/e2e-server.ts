// The server Playwright tests against: a fresh "bosun_e2e" database (on the
// local PostgreSQL when one runs, else an embedded one), then `npm start`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { canConnect, databaseUrlFor, recreateDatabase, startEmbeddedPostgres } from "./db/embedded-postgres";
import { ROOT } from "./db/schema-engine";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE = "bosun_e2e";
export const E2E_DATABASE_URL_FILE = path.join(ROOT, ".data/e2e-database-url");

async function resolveServerUrl(): Promise<string> {
  if (process.env.E2E_DATABASE_URL) return databaseUrlFor(process.env.E2E_DATABASE_URL, "postgres");
  if (await canConnect(LOCAL_SERVER, 1_000)) return LOCAL_SERVER;
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data/test-postgres"),
    port: 54330,
    database: "postgres",
    log: () => {},
  });
  for (const signal of ["SIGINT", "SIGTERM", "exit"] as const) process.once(signal, () => void embedded.stop());
  return embedded.urlFor("postgres");
}

const databaseUrl = await recreateDatabase(await resolveServerUrl(), DATABASE);
process.env.DATABASE_URL = databaseUrl;
// The browser tests read it to arrange state the UI cannot (an idle session, say).
mkdirSync(path.join(ROOT, ".data"), { recursive: true });
writeFileSync(E2E_DATABASE_URL_FILE, databaseUrl);
process.argv[2] = "start";
await import("./launch");
