import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
// Through the index, so the error classes are the ones the queue checks with instanceof.
import * as jobs from "./index";

/** The job queue against a real PostgreSQL. */
describe("job queue", () => {
  let orgA: string;
  let orgB: string;

  const job = (id: string) => db.job.findUniqueOrThrow({ where: { id } });
  const secondsFromNow = (date: Date) => (date.getTime() - Date.now()) / 1_000;
  const ok = async () => {};

  useSeededDatabase({ label: "jobs", seed: false });
  beforeAll(async () => {
    orgA = (await db.organization.create({ data: { workosOrgId: "org_jobs_a", slug: "jobs-a", name: "Jobs A" } })).id;
    orgB = (await db.organization.create({ data: { workosOrgId: "org_jobs_b", slug: "jobs-b", name: "Jobs B" } })).id;
  });
  // Each test starts from an empty queue, so one test's leftovers are never claimed by the next.
  beforeEach(() => db.job.deleteMany());

  it("deduplicates by singletonKey, also under concurrent enqueues", async () => {
    const first = await jobs.enqueueJob({ queue: "sync", payload: { n: 1 }, singletonKey: "sync:acme" });
    const again = await jobs.enqueueJob({ queue: "sync", payload: { n: 2 }, singletonKey: "sync:acme" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect((await job(first.id)).payload).toEqual({ n: 1 });

    const racing = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        jobs.enqueueJob({ queue: "sync", payload: { n }, singletonKey: "sync:race" }),
      ),
    );
    expect(await db.job.count({ where: { singletonKey: "sync:race" } })).toBe(1);
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(racing.map((r) => r.id)).size).toBe(1);

    // Without a key every enqueue is a new job.
    await jobs.enqueueJob({ queue: "sync" });
    await jobs.enqueueJob({ queue: "sync" });
    expect(await db.job.count({ where: { singletonKey: null } })).toBe(2);
  });

  it("enqueues inside the caller's transaction", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await jobs.enqueueJob({ queue: "tx", singletonKey: "tx:rolled-back" }, tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await db.job.count({ where: { queue: "tx" } })).toBe(0);
  });

  it("runs a job with its payload and marks it succeeded", async () => {
    const { id } = await jobs.enqueueJob({ queue: "greet", orgId: orgA, payload: { name: "Ada", tags: ["x"] } });
    const seen: unknown[] = [];
    const outcomes = await jobs.drainJobs({ handlers: { greet: async (j) => void seen.push(j) }, workerId: "w1" });
    expect(outcomes).toEqual([{ id, queue: "greet", status: "succeeded" }]);
    expect(seen).toEqual([
      { id, orgId: orgA, queue: "greet", payload: { name: "Ada", tags: ["x"] }, attempts: 1, maxAttempts: 8 },
    ]);
    expect(await job(id)).toMatchObject({
      status: "succeeded",
      attempts: 1,
      lockedAt: null,
      lockedBy: null,
      lastError: null,
      finishedAt: expect.any(Date),
    });
  });

  it("only claims due jobs from the queues asked for", async () => {
    const later = await jobs.enqueueJob({ queue: "a", runAt: new Date(Date.now() + 60_000) });
    const other = await jobs.enqueueJob({ queue: "b" });
    const mine = await jobs.enqueueJob({ queue: "a" });
    const outcomes = await jobs.drainJobs({ handlers: { a: ok, b: ok }, queues: ["a"] });
    expect(outcomes.map((o) => o.id)).toEqual([mine.id]);
    expect((await job(later.id)).status).toBe("queued");
    expect((await job(other.id)).status).toBe("queued");
  });

  it("runs each job exactly once across concurrent workers", async () => {
    const ids: string[] = [];
    for (let n = 0; n < 30; n++) ids.push((await jobs.enqueueJob({ queue: "count", payload: { n } })).id);
    const calls = new Map<string, number>();
    const handlers = {
      count: async (j: { id: string }) => {
        calls.set(j.id, (calls.get(j.id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    };
    // Two workers drain side by side in small batches until the queue is empty.
    const worker = async (workerId: string) => {
      const done: string[] = [];
      for (;;) {
        const batch = await jobs.drainJobs({ handlers, limit: 5, workerId });
        if (batch.length === 0) return done;
        done.push(...batch.map((o) => o.id));
      }
    };
    const [w1, w2] = await Promise.all([worker("w1"), worker("w2")]);
    expect(w1.length).toBeGreaterThan(0);
    expect(w2.length).toBeGreaterThan(0);
    expect(w1.length + w2.length).toBe(30);
    expect([...calls.keys()].sort()).toEqual([...ids].sort());
    expect([...calls.values()].every((count) => count === 1)).toBe(true);
    expect(await db.job.count({ where: { queue: "count", status: "succeeded" } })).toBe(30);
  });

  it("reschedules a RetryLaterError no sooner than asked", async () => {
    const { id } = await jobs.enqueueJob({ queue: "wait" });
    const handlers = { wait: async () => Promise.reject(new jobs.RetryLaterError("upstream write still pending", 30)) };
    expect(await jobs.drainJobs({ handlers })).toEqual([{ id, queue: "wait", status: "queued" }]);
    const after = await job(id);
    // Waiting gives the attempt back.
    expect(after).toMatchObject({
      status: "queued",
      attempts: 0,
      lastError: "upstream write still pending",
      lockedAt: null,
    });
    expect(secondsFromNow(after.runAt)).toBeGreaterThan(25);
    expect(secondsFromNow(after.runAt)).toBeLessThan(35);
    expect(await jobs.drainJobs({ handlers })).toEqual([]);
    expect((await job(id)).attempts).toBe(0);
  });

  it("lets a job wait any number of times without dead-lettering it, 5 s apart by default", async () => {
    const { id } = await jobs.enqueueJob({ queue: "patient", maxAttempts: 2 });
    const handlers = { patient: async () => Promise.reject(new jobs.RetryLaterError("still waiting for Jira")) };
    for (let pass = 0; pass < 4; pass++) {
      expect(await jobs.drainJobs({ handlers })).toEqual([{ id, queue: "patient", status: "queued" }]);
      const after = await job(id);
      expect(secondsFromNow(after.runAt)).toBeGreaterThan(3);
      expect(secondsFromNow(after.runAt)).toBeLessThan(7);
      await db.job.update({ where: { id }, data: { runAt: new Date(Date.now() - 1) } });
    }
    expect(await job(id)).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("backs off exponentially on errors and dead-letters the job after maxAttempts", async () => {
    const { id } = await jobs.enqueueJob({ queue: "flaky", maxAttempts: 4 });
    const handlers = { flaky: async () => Promise.reject(Object.assign(new Error("upstream down"), { status: 503 })) };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await jobs.drainJobs({ handlers })).toEqual([{ id, queue: "flaky", status: "queued" }]);
      const after = await job(id);
      expect(after).toMatchObject({ status: "queued", attempts: attempt, lastError: "503: upstream down" });
      delays.push(secondsFromNow(after.runAt));
      await db.job.update({ where: { id }, data: { runAt: new Date(Date.now() - 1) } }); // make it due again
    }
    // 1 s, 2 s, 4 s (with a little slack for the test's own round trips).
    expect(delays[0]).toBeGreaterThan(0);
    expect(delays[0]).toBeLessThanOrEqual(1);
    expect(delays[1]).toBeGreaterThan(1);
    expect(delays[1]).toBeLessThanOrEqual(2);
    expect(delays[2]).toBeGreaterThan(3);
    expect(delays[2]).toBeLessThanOrEqual(4);

    expect(await jobs.drainJobs({ handlers })).toEqual([{ id, queue: "flaky", status: "dead" }]);
    expect(await job(id)).toMatchObject({
      status: "dead",
      attempts: 4,
      lastError: "503: upstream down",
      deadAt: expect.any(Date),
      finishedAt: expect.any(Date),
      lockedAt: null,
    });
    expect(await jobs.drainJobs({ handlers })).toEqual([]);
  });

  it("dead-letters a PermanentJobError or an unknown queue at once", async () => {
    const permanent = await jobs.enqueueJob({ queue: "strict" });
    const unknown = await jobs.enqueueJob({ queue: "nobody-handles-this" });
    const outcomes = await jobs.drainJobs({
      handlers: { strict: async () => Promise.reject(new jobs.PermanentJobError("ticket was deleted")) },
    });
    expect(outcomes.map((o) => o.status)).toEqual(["dead", "dead"]);
    expect(await job(permanent.id)).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: "ticket was deleted",
      deadAt: expect.any(Date),
    });
    expect(await job(unknown.id)).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: expect.stringContaining("nobody-handles-this"),
      deadAt: expect.any(Date),
    });
  });

  it("runs claimed jobs a few at a time, and reports them in claim order", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await jobs.enqueueJob({ queue: "parallel", runAt: new Date(Date.now() - 10_000 + i) })).id);
    let running = 0;
    let most = 0;
    const handlers = {
      parallel: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running--;
      },
    };
    const outcomes = await jobs.drainJobs({ handlers, queues: ["parallel"], concurrency: 3 });
    expect(most).toBe(3);
    expect(outcomes.map((o) => o.id)).toEqual(ids);
    expect(outcomes.every((o) => o.status === "succeeded")).toBe(true);
  });

  it("keeps going when one job fails", async () => {
    const bad = await jobs.enqueueJob({ queue: "mixed", payload: { fail: true }, runAt: new Date(Date.now() - 2_000) });
    const good = await jobs.enqueueJob({ queue: "mixed", payload: { fail: false } });
    const handlers = {
      mixed: async (j: { payload: unknown }) =>
        (j.payload as { fail: boolean }).fail ? Promise.reject(new Error("boom")) : undefined,
    };
    expect(await jobs.drainJobs({ handlers })).toEqual([
      { id: bad.id, queue: "mixed", status: "queued" },
      { id: good.id, queue: "mixed", status: "succeeded" },
    ]);
  });

  it("takes back a job whose lease expired and runs it", async () => {
    const { id } = await jobs.enqueueJob({ queue: "crashy" });
    await db.job.update({
      where: { id },
      data: { status: "running", attempts: 1, lockedAt: new Date(Date.now() - 10 * 60_000), lockedBy: "dead-host:1" },
    });
    const fresh = await jobs.enqueueJob({ queue: "crashy" });
    await db.job.update({
      where: { id: fresh.id },
      data: { status: "running", attempts: 1, lockedAt: new Date(), lockedBy: "live-host:1" },
    });

    const ran: string[] = [];
    const outcomes = await jobs.drainJobs({ handlers: { crashy: async (j) => void ran.push(j.id) }, workerId: "w1" });
    expect(outcomes).toEqual([{ id, queue: "crashy", status: "succeeded" }]);
    expect(ran).toEqual([id]);
    expect(await job(id)).toMatchObject({ status: "succeeded", attempts: 2 });
    // A lease still within its time is left alone.
    expect(await job(fresh.id)).toMatchObject({ status: "running", lockedBy: "live-host:1" });
  });

  it("dead-letters an expired job that was already out of attempts", async () => {
    const { id } = await jobs.enqueueJob({ queue: "crashy", maxAttempts: 2 });
    await db.job.update({
      where: { id },
      data: { status: "running", attempts: 2, lockedAt: new Date(Date.now() - 10 * 60_000) },
    });
    expect(await jobs.drainJobs({ handlers: { crashy: ok } })).toEqual([]);
    expect(await job(id)).toMatchObject({
      status: "dead",
      deadAt: expect.any(Date),
      lastError: expect.stringContaining("lease expired"),
    });
  });

  it("retries a dead job only for its own org", async () => {
    const { id } = await jobs.enqueueJob({ queue: "strict", orgId: orgA });
    await jobs.drainJobs({ handlers: { strict: async () => Promise.reject(new jobs.PermanentJobError("nope")) } });
    expect((await job(id)).status).toBe("dead");

    expect(await jobs.retryJob({ id, orgId: orgB })).toBe(false);
    expect((await job(id)).status).toBe("dead");
    expect(await jobs.retryJob({ id, orgId: orgA })).toBe(true);
    expect(await job(id)).toMatchObject({
      status: "queued",
      attempts: 0,
      deadAt: null,
      lastError: null,
      finishedAt: null,
    });
    // Not dead any more, so there is nothing to retry.
    expect(await jobs.retryJob({ id, orgId: orgA })).toBe(false);

    expect(await jobs.drainJobs({ handlers: { strict: ok } })).toEqual([{ id, queue: "strict", status: "succeeded" }]);
    expect(await jobs.retryJob({ id, orgId: orgA })).toBe(false);
    expect(await jobs.retryJob({ id: "missing", orgId: orgA })).toBe(false);
  });

  it("lists and counts an org's jobs", async () => {
    const first = await jobs.enqueueJob({ queue: "list", orgId: orgA, payload: { n: 1 } });
    const second = await jobs.enqueueJob({ queue: "list", orgId: orgA, payload: { n: 2 } });
    await db.job.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await jobs.enqueueJob({ queue: "list", orgId: orgB });
    await jobs.enqueueJob({ queue: "list" });
    await db.job.update({ where: { id: second.id }, data: { status: "dead" } });

    expect((await jobs.listJobs({ orgId: orgA })).map((j) => j.id)).toEqual([second.id, first.id]);
    expect((await jobs.listJobs({ orgId: orgA, limit: 1 })).map((j) => j.id)).toEqual([second.id]);
    expect((await jobs.listJobs({ orgId: orgA, statuses: ["dead"] })).map((j) => j.id)).toEqual([second.id]);
    expect(await jobs.countJobs({ orgId: orgA })).toEqual({ queued: 1, running: 0, succeeded: 0, failed: 0, dead: 1 });
    expect(await jobs.countJobs({ orgId: orgB })).toEqual({ queued: 1, running: 0, succeeded: 0, failed: 0, dead: 0 });
  });

  it("prunes only old succeeded jobs", async () => {
    const old = new Date(Date.now() - 8 * 24 * 60 * 60_000);
    const oldSucceeded = await db.job.create({
      data: { queue: "p", payload: {}, status: "succeeded", finishedAt: old },
    });
    const recentSucceeded = await db.job.create({
      data: { queue: "p", payload: {}, status: "succeeded", finishedAt: new Date() },
    });
    const oldDead = await db.job.create({
      data: { queue: "p", payload: {}, status: "dead", finishedAt: old, deadAt: old },
    });
    const queued = await db.job.create({ data: { queue: "p", payload: {} } });

    expect(await jobs.pruneFinishedJobs()).toBe(1);
    const left = (await db.job.findMany({ where: { queue: "p" } })).map((j) => j.id).sort();
    expect(left).toEqual([recentSucceeded.id, oldDead.id, queued.id].sort());
    expect(await db.job.findUnique({ where: { id: oldSucceeded.id } })).toBeNull();
    expect(await jobs.pruneFinishedJobs({ olderThanMs: 0 })).toBe(1);
  });
});
