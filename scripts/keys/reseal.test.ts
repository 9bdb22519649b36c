import { spawn } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCredentials } from "@/lib/platform/crypto/credentials";
import { PrismaClient } from "@/lib/db/generated/client";
import { seedDatabase } from "@/prisma/seed-data";
import { createTestDatabase } from "@/test/database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const key = (keyId: string, fill: number) => ({ keyId, key: Buffer.alloc(32, fill).toString("base64") });
const K1 = key("k1", 1);
const K2 = key("k2", 2);

/** Runs one of Bosun's scripts as its own process, as npm would, and waits for it to exit. (Timeouts below are safety nets for a loaded machine.) */
function run(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", script],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** `npm run keys:reseal` and the worker's startup check, as processes of their own against a real database. */
describe("encryption key rotation from the command line", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: PrismaClient;
  const rotated = () => ({
    DATABASE_URL: database.url,
    BOSUN_ENCRYPTION_KEY_ID: K2.keyId,
    BOSUN_ENCRYPTION_KEY: K2.key,
    BOSUN_PREVIOUS_ENCRYPTION_KEYS: `${K1.keyId}:${K1.key}`,
  });

  beforeAll(async () => {
    database = await createTestDatabase("keyscli");
    await seedDatabase(database.url, {
      urls: { jira: "http://127.0.0.1:1", sentry: "http://127.0.0.1:1" },
      keyring: { current: K1, previous: [] },
    });
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("finding 11 (key rotation): npm run worker refuses to start when stored credentials use a key id that is not configured", async () => {
    const { code, output } = await run("scripts/worker.ts", {
      DATABASE_URL: database.url,
      BOSUN_ENCRYPTION_KEY_ID: K2.keyId,
      BOSUN_ENCRYPTION_KEY: K2.key,
    });
    expect(code).toBe(1);
    expect(output).toContain(
      `Bosun's worker process will not start. Stored integration credentials (7 connections) are sealed with key id "k1", which is not configured: set BOSUN_PREVIOUS_ENCRYPTION_KEYS to include it (k1:<its base64 key>), or set BOSUN_ENCRYPTION_KEY_ID and BOSUN_ENCRYPTION_KEY back to it.`,
    );
    expect(output).not.toContain("worker started");
  }, 120_000);

  it("finding 11 (key rotation): npm run keys:reseal moves every credential to the current key, then has nothing to do", async () => {
    const first = await run("scripts/keys/reseal.ts", rotated());
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('Re-sealed acme/jira: key id "k1" → "k2"');
    expect(first.output).toContain('Re-sealed 7 credential(s) of 2 org(s) under key id "k2".');
    expect(first.output).toContain('Nothing needs "k1" any more: remove BOSUN_PREVIOUS_ENCRYPTION_KEYS');
    const rows = await db.integrationConnection.findMany();
    expect(rows.map((row) => row.credentialsKeyId)).toEqual(Array(7).fill("k2"));
    // The new key alone opens them all.
    expect(
      rows.map(
        (row) => Object.keys(openCredentials(row.encryptedCredentials, { current: K2, previous: [] })).length > 0,
      ),
    ).toEqual(Array(7).fill(true));
    expect(await db.auditLog.count({ where: { action: "credentials.resealed", actorType: "system" } })).toBe(2);

    const second = await run("scripts/keys/reseal.ts", rotated());
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('Every stored credential is already sealed with key id "k2": nothing to do.');
    expect(await db.auditLog.count({ where: { action: "credentials.resealed" } })).toBe(2);
  }, 240_000);
});
