import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase } from "@/test/database";
import { npmScriptNodeArgs } from "@/scripts/npm-script";

const ROOT = path.resolve(import.meta.dirname, "..");

/** `npm run worker` as its own process: it takes jobs queued by others and stops cleanly (NOTIFY itself: lib/db/system/job-notifications.test.ts). */
describe("npm run worker", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: PrismaClient;
  let worker: ChildProcess;
  let output = "";

  beforeAll(async () => {
    database = await createTestDatabase("worker");
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    worker = spawn(
      process.execPath,
      npmScriptNodeArgs("worker", ["--import", "./test/processes/busy-event-loop.mjs"]),
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          LOG_LEVEL: "info",
          NODE_ENV: "production",
          BOSUN_JOB_CONCURRENCY: "2",
        },
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    worker.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await vi.waitFor(() => expect(output).toContain("worker started"), { timeout: 30_000, interval: 100 });
  });
  afterAll(async () => {
    if (worker.exitCode === null) worker.kill("SIGKILL");
    await db.$disconnect();
    await database.drop();
  });

  it("runs a job another process queued", async () => {
    // No handler knows this queue, so the worker sends the job to the dead-letter list: proof it claimed and ran it.
    const job = await db.job.create({ data: { queue: "nobody-handles-this", payload: {} } });
    await vi.waitFor(
      async () => expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("dead"),
      { timeout: 30_000, interval: 25 },
    );
    const after = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(after.lastError).toContain('No handler for queue "nobody-handles-this"');
    expect(after.lockedBy).toBeNull();
  });

  // A signal reaches a busy worker only between slices of work; it must still stop cleanly, not be killed
  // by whatever started it for answering late (a launcher that relays signals and SIGKILLs a child that
  // does not acknowledge within 30 ms did exactly that on a loaded machine).
  it("stops on SIGTERM while its event loop is busy", async () => {
    // A line on stdin makes it busy (test/processes/busy-event-loop.mjs); SIGTERM comes once a slice has run.
    worker.stdin?.write("busy\n");
    await vi.waitFor(() => expect(output).toContain("event loop busy"), { timeout: 30_000, interval: 25 });
    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("worker stopping after the work under way");
  });
});
