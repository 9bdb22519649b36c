import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import * as job from "./job";
import * as queries from "@/lib/db/queries/retention";
import * as jobs from "@/lib/platform/jobs";

/**
 * The daily retention pass against a real database: two orgs with different
 * settings, old and new rows of every kind, and exactly the right ones go.
 */
const DAY = 86_400_000;

describe("daily retention", () => {
  let acme: string;
  let other: string;
  let userId: string;
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const ids: Record<string, string> = {};

  useSeededDatabase({ label: "retention" });
  beforeAll(async () => {
    const orgs = await db.organization.findMany({ orderBy: { slug: "asc" }, take: 2 });
    [acme, other] = [orgs[0]!.id, orgs[1]!.id];
    userId = (await db.user.findFirstOrThrow()).id;
    // acme keeps the defaults (30/90/90); the other org keeps payloads a week, runs 14 days and writes a year.
    await db.organization.update({
      where: { id: other },
      data: { settings: { retention: { deliveryPayloadDays: 7, automationRunDays: 14, finishedWriteDays: 365 } } },
    });
    const rule = async (orgId: string) => (await db.automationRule.findFirstOrThrow({ where: { orgId } })).id;

    for (const [label, orgId] of [
      ["acme", acme],
      ["other", other],
    ] as const) {
      const delivery = async (
        name: string,
        status: "received" | "processed" | "ignored" | "failed",
        days: number,
        jobStatus?: "queued" | "dead" | "succeeded",
      ) => {
        const row = await db.webhookDelivery.create({
          data: {
            orgId,
            source: "sentry",
            idempotencyKey: `${label}-${name}`,
            eventType: "issue.created",
            payload: { big: "x".repeat(1000) },
            status,
            receivedAt: ago(days),
          },
        });
        if (jobStatus)
          await db.job.create({
            data: {
              orgId,
              queue: "webhook.delivery",
              payload: { deliveryId: row.id },
              status: jobStatus,
              singletonKey: `delivery:${row.id}`,
            },
          });
        ids[`${label}.delivery.${name}`] = row.id;
      };
      await delivery("processed-40d", "processed", 40, "succeeded");
      await delivery("ignored-10d", "ignored", 10);
      await delivery("processed-2d", "processed", 2, "succeeded");
      await delivery("queued-40d", "received", 40, "queued");
      await delivery("failed-40d", "failed", 40, "dead");

      const ruleId = await rule(orgId);
      const run = async (name: string, status: "pending" | "succeeded" | "failed" | "skipped", days: number | null) => {
        const row = await db.automationRun.create({
          data: {
            orgId,
            ruleId,
            triggerKey: `${label}-${name}`,
            status,
            input: {},
            startedAt: ago((days ?? 0) + 1),
            finishedAt: days === null ? null : ago(days),
          },
        });
        ids[`${label}.run.${name}`] = row.id;
        return row.id;
      };
      await run("succeeded-100d", "succeeded", 100);
      await run("failed-20d", "failed", 20);
      await run("skipped-5d", "skipped", 5);
      await run("pending-100d", "pending", null);
      const waitingRun = await run("failed-100d-retry-queued", "failed", 100);
      await db.job.create({
        data: {
          orgId,
          queue: (await import("@/lib/features/automations/retry-run")).RETRY_RUN_QUEUE,
          payload: { runId: waitingRun },
          singletonKey: `retry-run:${waitingRun}:1`,
        },
      });

      const intent = async (
        name: string,
        status: "pending" | "in_flight" | "succeeded" | "failed" | "dead" | "superseded",
        days: number | null,
        runId?: string,
      ) => {
        const row = await db.outboxIntent.create({
          data: {
            orgId,
            service: "jira",
            operation: "jira.issue.comment",
            orderingKey: `${label}-${name}`,
            idempotencyKey: `${label}-${name}`,
            payload: {},
            status,
            actorType: "system",
            createdAt: ago((days ?? 200) + 1),
            completedAt: days === null ? null : ago(days),
            runId,
          },
        });
        ids[`${label}.intent.${name}`] = row.id;
      };
      await intent("succeeded-100d", "succeeded", 100, ids[`${label}.run.succeeded-100d`]);
      await intent("superseded-100d", "superseded", 100);
      await intent("dead-400d", "dead", 400);
      await intent("failed-20d", "failed", 20);
      await intent("pending-old", "pending", null);
      await intent("in-flight-old", "in_flight", null);

      const cache = async (name: string, expiredDaysAgo: number) => {
        const row = await db.cacheEntry.create({
          data: {
            orgId,
            key: `${label}-${name}`,
            value: {},
            fetchedAt: ago(expiredDaysAgo + 1),
            expiresAt: ago(expiredDaysAgo),
          },
        });
        ids[`${label}.cache.${name}`] = row.id;
      };
      await cache("expired-10d", 10);
      await cache("expired-1d", 1);
      await cache("fresh", -1);

      const session = async (name: string, days: number, revoked: boolean) => {
        const row = await db.userSession.create({
          data: {
            orgId,
            userId,
            workosSessionId: `session_${label}_${name}`,
            createdAt: ago(days),
            lastSeenAt: ago(days),
            revokedAt: revoked ? ago(days) : null,
          },
        });
        ids[`${label}.session.${name}`] = row.id;
      };
      await session("revoked-40d", 40, true);
      await session("idle-40d", 40, false);
      await session("revoked-2d", 2, true);
    }
    const orgless = await db.webhookDelivery.create({
      data: {
        orgId: null,
        source: "workos",
        idempotencyKey: "orgless-old",
        eventType: "user.created",
        payload: { big: "y" },
        status: "ignored",
        receivedAt: ago(40),
      },
    });
    ids["orgless.delivery"] = orgless.id;
    ids["orgless.session"] = (
      await db.userSession.create({
        data: { orgId: null, userId, workosSessionId: "session_orgless_old", createdAt: ago(40), lastSeenAt: ago(40) },
      })
    ).id;
  });

  const exists = async (key: string) => {
    const id = ids[key]!;
    const [kind] = key.split(".").slice(1);
    if (kind === "run") return (await db.automationRun.count({ where: { id } })) === 1;
    if (kind === "intent") return (await db.outboxIntent.count({ where: { id } })) === 1;
    if (kind === "cache") return (await db.cacheEntry.count({ where: { id } })) === 1;
    if (kind === "session") return (await db.userSession.count({ where: { id } })) === 1;
    throw new Error(key);
  };
  const payloadCleared = async (key: string) =>
    JSON.stringify((await db.webhookDelivery.findUniqueOrThrow({ where: { id: ids[key]! } })).payload) ===
    JSON.stringify({ pruned: true });

  it("removes exactly what each org's settings let go, once a day per org, and audits the counts", async () => {
    const auditBefore = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(await job.scheduleRetention(now)).toBe(3); // two orgs and the org-less rows
    job.forgetScheduledRetentionDay();
    expect(await job.scheduleRetention(now)).toBe(0); // the same day again: the singleton keys hold
    const outcomes = await jobs.drainJobs({
      handlers: { [queries.RETENTION_QUEUE]: (record) => job.runRetentionJob(record, { now }) },
      queues: [queries.RETENTION_QUEUE],
    });
    expect(outcomes.map((o) => o.status)).toEqual(["succeeded", "succeeded", "succeeded"]);

    // Deliveries: finished payloads past the window are cleared, rows kept; queued and failed ones are never touched.
    expect(await payloadCleared("acme.delivery.processed-40d")).toBe(true);
    expect(await payloadCleared("acme.delivery.ignored-10d")).toBe(false);
    expect(await payloadCleared("other.delivery.processed-40d")).toBe(true);
    expect(await payloadCleared("other.delivery.ignored-10d")).toBe(true);
    for (const label of ["acme", "other"]) {
      expect(await payloadCleared(`${label}.delivery.processed-2d`)).toBe(false);
      expect(await payloadCleared(`${label}.delivery.queued-40d`)).toBe(false);
      expect(await payloadCleared(`${label}.delivery.failed-40d`)).toBe(false);
    }
    expect(
      await db.webhookDelivery.count({
        where: {
          id: {
            in: Object.entries(ids)
              .filter(([k]) => k.includes(".delivery."))
              .map(([, id]) => id),
          },
        },
      }),
    ).toBe(10);
    expect(await payloadCleared("orgless.delivery")).toBe(true);
    // The rule preview reads recent payloads: a cleared one reads as "not an event", never as an error.
    const { readStoredDelivery } = await import("@/lib/features/automations/process-delivery");
    const cleared = await db.webhookDelivery.findUniqueOrThrow({ where: { id: ids["acme.delivery.processed-40d"]! } });
    expect(readStoredDelivery(cleared).kind).not.toBe("event");

    // Runs: finished past the window go; pending runs and runs with a retry queued stay.
    expect(await exists("acme.run.succeeded-100d")).toBe(false);
    expect(await exists("acme.run.failed-20d")).toBe(true);
    expect(await exists("other.run.succeeded-100d")).toBe(false);
    expect(await exists("other.run.failed-20d")).toBe(false);
    for (const label of ["acme", "other"]) {
      expect(await exists(`${label}.run.skipped-5d`)).toBe(true);
      expect(await exists(`${label}.run.pending-100d`)).toBe(true);
      expect(await exists(`${label}.run.failed-100d-retry-queued`)).toBe(true);
    }

    // Writes: finished past the window go; pending and in-flight writes never do.
    expect(await exists("acme.intent.succeeded-100d")).toBe(false);
    expect(await exists("acme.intent.superseded-100d")).toBe(false);
    expect(await exists("acme.intent.dead-400d")).toBe(false);
    expect(await exists("acme.intent.failed-20d")).toBe(true);
    expect(await exists("other.intent.succeeded-100d")).toBe(true);
    // Its run went under the shorter run window; the write stays, no longer linked to it.
    expect(
      (await db.outboxIntent.findUniqueOrThrow({ where: { id: ids["other.intent.succeeded-100d"] } })).runId,
    ).toBeNull();
    expect(await exists("other.intent.superseded-100d")).toBe(true);
    expect(await exists("other.intent.dead-400d")).toBe(false);
    expect(await exists("other.intent.failed-20d")).toBe(true);
    for (const label of ["acme", "other"]) {
      expect(await exists(`${label}.intent.pending-old`)).toBe(true);
      expect(await exists(`${label}.intent.in-flight-old`)).toBe(true);
      // Cache: only entries expired longer than the stale-serving week go.
      expect(await exists(`${label}.cache.expired-10d`)).toBe(false);
      expect(await exists(`${label}.cache.expired-1d`)).toBe(true);
      expect(await exists(`${label}.cache.fresh`)).toBe(true);
      // Sessions: only records older than a WorkOS session can live.
      expect(await exists(`${label}.session.revoked-40d`)).toBe(false);
      expect(await exists(`${label}.session.idle-40d`)).toBe(false);
      expect(await exists(`${label}.session.revoked-2d`)).toBe(true);
    }
    expect(await db.userSession.count({ where: { id: ids["orgless.session"] } })).toBe(0);

    // The audit log loses nothing and gains one entry per org that had something removed, with the counts.
    const auditAfter = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(auditAfter.filter((entry) => auditBefore.some((b) => b.id === entry.id))).toEqual(auditBefore);
    const added = auditAfter.filter((entry) => !auditBefore.some((b) => b.id === entry.id));
    expect(added.map((entry) => [entry.orgId, entry.action, entry.actorType, entry.summary]).sort()).toEqual(
      [
        [
          acme,
          "org.retention_pruned",
          "system",
          "Retention removed 1 webhook payload, 1 automation run, 3 finished writes, 1 expired cache entry, 2 ended sessions",
        ],
        [
          other,
          "org.retention_pruned",
          "system",
          "Retention removed 2 webhook payloads, 2 automation runs, 1 finished write, 1 expired cache entry, 2 ended sessions",
        ],
      ].sort(),
    );

    expect(await queries.findLastRetentionRun({ orgId: other })).toEqual({
      finishedAt: expect.any(Date),
      counts: { deliveryPayloads: 2, automationRuns: 2, finishedWrites: 1, cacheEntries: 1, sessions: 2 },
    });
  });

  it("a pass that finds nothing to remove writes no audit entry", async () => {
    const { pruneOrg } = await import("./prune");
    const before = await db.auditLog.count();
    expect(await pruneOrg({ orgId: acme, now })).toEqual({
      deliveryPayloads: 0,
      automationRuns: 0,
      finishedWrites: 0,
      cacheEntries: 0,
      sessions: 0,
    });
    expect(await db.auditLog.count()).toBe(before);
  });

  it("deletes in bounded batches until a batch comes back short", async () => {
    const keys = Array.from({ length: 5 }, (_, i) => `batch-${i}`);
    await db.cacheEntry.createMany({
      data: keys.map((key) => ({ orgId: acme, key, value: {}, fetchedAt: ago(30), expiresAt: ago(20) })),
    });
    expect(await queries.deleteExpiredCacheEntries({ orgId: acme, before: ago(7), batchSize: 2 })).toBe(5);
    expect(await db.cacheEntry.count({ where: { orgId: acme, key: { in: keys } } })).toBe(0);
  });
});
