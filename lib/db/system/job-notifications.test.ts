import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase } from "@/test/database";
import { listenForJobs } from "./job-notifications";

/** NOTIFY from the "Job" triggers, heard on a listener's own connection: how `npm run worker` learns of new jobs. */
describe("job notifications", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: PrismaClient;
  let orgId: string;
  let heard = 0;
  let stop: () => Promise<void>;

  const heardSoon = () => vi.waitFor(() => expect(heard).toBeGreaterThan(0), { timeout: 30_000, interval: 20 });
  const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    database = await createTestDatabase("notify");
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    orgId = (await db.organization.create({ data: { workosOrgId: "org_notify", slug: "notify", name: "Notify" } })).id;
    stop = listenForJobs(database.url, () => heard++);
    // The listener calls once when it starts listening, to catch up on what it missed.
    await heardSoon();
  });
  afterAll(async () => {
    await stop();
    await db.$disconnect();
    await database.drop();
  });

  it("hears a job queued to run now, once per transaction", async () => {
    heard = 0;
    await db.$transaction([
      db.job.create({ data: { orgId, queue: "q", payload: {} } }),
      db.job.create({ data: { orgId, queue: "q", payload: {} } }),
    ]);
    await heardSoon();
    await quietFor(200);
    expect(heard).toBe(1);
  });

  it("stays quiet for a job scheduled later, and hears it when it is put back on the queue", async () => {
    heard = 0;
    await db.job.create({ data: { orgId, queue: "q", payload: {}, runAt: new Date(Date.now() + 3_600_000) } });
    const dead = await db.job.create({ data: { orgId, queue: "q", payload: {}, status: "dead" } });
    await quietFor(300);
    expect(heard).toBe(0);

    await db.job.update({ where: { id: dead.id }, data: { status: "queued", runAt: new Date(Date.now() - 1_000) } });
    await heardSoon();
  });
});
