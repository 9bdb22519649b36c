import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { EVERY_ORG, listenForOrgDataChanges } from "./org-data-changes";

/** The triggers that tell every web process an org's data changed (kept renders depend on hearing every one). */
describe("org data change notifications", () => {
  const database = useSeededDatabase({ label: "orgchanges", seed: false });
  const heard: string[] = [];
  let up = 0;
  let stop: () => Promise<void>;
  let orgA: string;
  let orgB: string;

  const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

  beforeAll(async () => {
    const { db } = database;
    orgA = (await db.organization.create({ data: { workosOrgId: "org_a", slug: "a", name: "A" } })).id;
    orgB = (await db.organization.create({ data: { workosOrgId: "org_b", slug: "b", name: "B" } })).id;
    stop = listenForOrgDataChanges(database.url, { onNotify: (payload) => heard.push(payload), onUp: () => up++ });
    await vi.waitFor(() => expect(up).toBe(1), { timeout: 30_000, interval: 20 });
  });
  afterAll(async () => {
    await stop();
  });

  it("covers every table with an orgId, except the intake's and the queue's bookkeeping", async () => {
    const { rows } = await database.pool.query<{ table: string; announced: boolean }>(`
      SELECT c.table_name AS table,
             EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
                     WHERE r.relname = c.table_name AND t.tgname = c.table_name || '_announce_change') AS announced
      FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'orgId'
      ORDER BY c.table_name`);
    expect(rows.length).toBeGreaterThan(25);
    expect(rows.filter((row) => !row.announced).map((row) => row.table)).toEqual(["Job", "WebhookDelivery"]);
  });

  it("announces each org a transaction changed once, when it commits, and nothing for a rolled-back one", async () => {
    const { db } = database;
    heard.length = 0;
    await db.$transaction([
      db.team.create({ data: { orgId: orgA, slug: "one", name: "One" } }),
      db.team.create({ data: { orgId: orgA, slug: "two", name: "Two" } }),
    ]);
    await vi.waitFor(() => expect(heard).toEqual([orgA]), { timeout: 30_000, interval: 20 });

    heard.length = 0;
    await db
      .$transaction(async (tx) => {
        await tx.team.create({ data: { orgId: orgB, slug: "three", name: "Three" } });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    await db.team.deleteMany({ where: { orgId: orgA, name: "One" } });
    await vi.waitFor(() => expect(heard).toEqual([orgA]), { timeout: 30_000, interval: 20 });
    await settle();
    expect(heard).toEqual([orgA]);
  });

  it("announces the org for a change to the org itself, and every org for a change to a user", async () => {
    const { db } = database;
    heard.length = 0;
    await db.organization.update({ where: { id: orgB }, data: { name: "B renamed" } });
    await db.user.create({ data: { workosUserId: "user_x", email: "x@b.test", name: "X" } });
    await vi.waitFor(() => expect(heard).toEqual([orgB, EVERY_ORG]), { timeout: 30_000, interval: 20 });
  });

  it("says nothing for the intake's and the queue's rows", async () => {
    const { db } = database;
    heard.length = 0;
    await db.job.create({ data: { orgId: orgA, queue: "q", payload: {} } });
    await settle();
    expect(heard).toEqual([]);
  });
});
