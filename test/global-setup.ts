import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { canConnect, startEmbeddedPostgres, type EmbeddedServer } from "../scripts/db/embedded-postgres";
import { applyMigrations, ROOT } from "../scripts/db/schema-engine";
import { clearFigures, formatFigures, readFigures } from "./faults/figures";

/**
 * Integration tests use a real PostgreSQL: TEST_DATABASE_URL if given, else a
 * server on 127.0.0.1:5432 when one is running, else an embedded server of
 * their own (.data/test-postgres, port 54330). The run migrates one template
 * database; test files clone it (test/database.ts). Everything is dropped at the end.
 *
 * Two projects use this setup (vitest.config.ts: integration, processes), and Vitest runs it once for each. They
 * share one server and one template: the first to arrive prepares them, the last to leave drops them.
 */
const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

type SharedDatabase = { serverUrl: string; template: string; admin: pg.Client; embedded: EmbeddedServer | null };
const shared = globalThis as typeof globalThis & {
  bosunTestDatabase?: { ready: Promise<SharedDatabase>; users: number };
};

async function prepare(): Promise<SharedDatabase> {
  let embedded: EmbeddedServer | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    if (await canConnect(LOCAL_SERVER, 1_000)) serverUrl = LOCAL_SERVER;
    else {
      embedded = await startEmbeddedPostgres({
        dataDir: path.join(ROOT, ".data/test-postgres"),
        port: 54330,
        database: "postgres",
        log: () => {},
      });
      serverUrl = embedded.urlFor("postgres");
    }
  }

  clearFigures();
  const template = `bosun_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  await applyMigrations(templateUrl.toString());
  return { serverUrl, template, admin, embedded };
}

async function dropEverything({ template, admin, embedded }: SharedDatabase) {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
    `${template}%`,
  ]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
  // The fault suite's figures, once every file has run (see test/faults/figures.ts).
  const figures = formatFigures(readFigures());
  if (figures) console.log(figures);
}

export default async function globalSetup(project: TestProject) {
  shared.bosunTestDatabase ??= { ready: prepare(), users: 0 };
  const state = shared.bosunTestDatabase;
  state.users++;
  const { serverUrl, template } = await state.ready;
  project.provide("testDatabaseServerUrl", serverUrl);
  project.provide("testDatabaseTemplate", template);

  return async () => {
    if (--state.users > 0) return;
    shared.bosunTestDatabase = undefined;
    await dropEverything(await state.ready);
  };
}
