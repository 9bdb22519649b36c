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
 */
const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

export default async function globalSetup(project: TestProject) {
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

  project.provide("testDatabaseServerUrl", serverUrl);
  project.provide("testDatabaseTemplate", template);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${template}%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    // The fault suite's figures, once every file has run (see test/faults/figures.ts).
    const figures = formatFigures(readFigures());
    if (figures) console.log(figures);
  };
}
