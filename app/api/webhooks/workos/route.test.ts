import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKOS_DEMO_WEBHOOK_SECRET } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { serveRoutes } from "@/test/route-server";
import { type RunningWorkosEmulator, signWorkosWebhook, startWorkosEmulator } from "@/emulators/workos";
import * as jobs from "@/lib/platform/jobs";
import * as handlers from "@/lib/features/automations/handlers";
import * as route from "./route";
import { db } from "@/lib/db/client";

/** Directory sync end to end: the WorkOS emulator delivers signed webhooks to the real route handler. */
describe("POST /api/webhooks/workos", () => {
  let workos: RunningWorkosEmulator;
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;

  const post = (body: string, signature: string | null) =>
    route.POST(
      new Request("http://bosun.test/api/webhooks/workos", {
        method: "POST",
        body,
        headers: signature ? { "workos-signature": signature } : {},
      }),
    );
  const directory = (change: object) =>
    fetch(`${workos.url}/__emulator/directory/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ organization: "acme", ...change }),
    }).then((r) => r.json());
  /** Events are applied on the job queue: run it, as the worker would, until nothing is due. */
  const drainQueue = async () => {
    while ((await jobs.drainJobs({ handlers: handlers.JOB_HANDLERS })).length > 0);
  };

  useSeededDatabase({ label: "workoshook" });
  beforeAll(async () => {
    // Bosun's side listens first, so the emulator can be pointed at it.
    bosun = await serveRoutes({ "/api/webhooks/workos": (request) => route.POST(request) });
    workos = await startWorkosEmulator({ port: 0, bosunUrl: bosun.url });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  });
  afterAll(async () => {
    restoreTestEnv();
    await bosun.close();
    await workos.close();
  });

  it("rejects forged, stale and unsigned deliveries, and records nothing", async () => {
    const body = JSON.stringify({
      id: "event_forged",
      event: "user.created",
      data: { id: "user_x", email: "x@acme.test" },
      created_at: new Date().toISOString(),
    });
    expect((await post(body, signWorkosWebhook(body, "wrong-secret"))).status).toBe(401);
    expect((await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET, Date.now() - 200_000))).status).toBe(
      401,
    );
    const unsigned = await post(body, null);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({ error: "invalid_signature", reason: "missing" });
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("answers 400 for a signed body that is not a WorkOS event", async () => {
    const notJson = "not json";
    expect((await post(notJson, signWorkosWebhook(notJson, WORKOS_DEMO_WEBHOOK_SECRET))).status).toBe(400);
    const missingId = JSON.stringify({ event: "user.created", data: {} });
    const response = await post(missingId, signWorkosWebhook(missingId, WORKOS_DEMO_WEBHOOK_SECRET));
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toHaveProperty("id");
  });

  it("fuzz: a signed event whose data is not what its type carries is a 400 naming the field, not a 500 that WorkOS would redeliver forever", async () => {
    for (const [event, data, field] of [
      ["user.created", { email: "no.id@acme.test" }, "data.id"],
      [
        "organization_membership.updated",
        { id: "om_1", user_id: "user_x", organization_id: "org_x", status: "gone" },
        "data.status",
      ],
      ["dsync.user.deleted", { id: "directory_user_1" }, "data.state"],
    ] as const) {
      const body = JSON.stringify({ id: `event_fuzz_${event}`, event, data, created_at: new Date().toISOString() });
      const response = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
      expect(response.status, event).toBe(400);
      expect((await response.json()).fields, event).toHaveProperty([field]);
    }
    expect(await db.webhookDelivery.count({ where: { idempotencyKey: { startsWith: "event_fuzz_" } } })).toBe(0);
  });

  it("fuzz: a signed event whose created_at is not a time is a 400 naming it: events are applied in the order of that time", async () => {
    const body = JSON.stringify({
      id: "event_fuzz_time",
      event: "user.updated",
      data: { id: "user_x", email: "x@acme.test" },
      created_at: "yesterday-ish",
    });
    const response = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({ created_at: "must be an ISO 8601 date-time" });
  });

  it("fuzz: a signed JSON body that is not an object is a 400 naming the body", async () => {
    for (const body of ["null", "[]", "7"]) {
      const response = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
      expect(response.status, body).toBe(400);
      expect(Object.keys((await response.json()).fields), body).toEqual(["body"]);
    }
  });

  it("fuzz: an event named like an Object.prototype member is just an event Bosun does not act on", async () => {
    for (const event of ["hasOwnProperty", "constructor", "__proto__", "toString"]) {
      const body = JSON.stringify({
        id: `event_fuzz_proto_${event}`,
        event,
        data: { id: "x" },
        created_at: new Date().toISOString(),
      });
      const response = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
      expect(response.status, event).toBe(200);
      expect(await response.json(), event).toMatchObject({ status: "ignored" });
    }
  });

  it("fuzz: a signed event with an id or name longer than WorkOS ever sends is a 400 naming it, not a failed insert", async () => {
    const body = JSON.stringify({
      id: `event_${"é".repeat(200_000)}`,
      event: "x".repeat(5_000),
      data: {},
      created_at: new Date().toISOString(),
    });
    const response = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).fields)).toEqual(["id", "event"]);
  });

  it("fuzz: a signed event with a NUL character, which PostgreSQL cannot store, is a 400 naming the field", async () => {
    const body = JSON.stringify({
      id: "event_fuzz_nul",
      event: "connection.activated",
      data: { name: "a\u0000b" },
      created_at: new Date().toISOString(),
    });
    const response = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({ "data.name": "must not contain NUL characters" });
  });

  it("fuzz: a user event giving one person another Bosun user's e-mail is recorded and skipped, not a 500 redelivered forever", async () => {
    const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@acme.test" } });
    const body = JSON.stringify({
      id: "event_fuzz_email_taken",
      event: "user.updated",
      data: { id: ada.workosUserId, email: "linus@acme.test", first_name: "Ada", last_name: "Lovelace" },
      created_at: new Date().toISOString(),
    });
    const response = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: "queued" });
    await drainQueue();
    expect(
      await db.webhookDelivery.findFirstOrThrow({ where: { idempotencyKey: "event_fuzz_email_taken" } }),
    ).toMatchObject({ status: "ignored", error: "linus@acme.test belongs to another Bosun user" });
    expect(await db.job.count({ where: { status: { not: "succeeded" } } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: ada.id } })).email).toBe("ada@acme.test");
  });

  it("provisions a new directory user with the role WorkOS assigned", async () => {
    const result = (await directory({
      action: "create",
      email: "nora.new@acme.test",
      firstName: "Nora",
      lastName: "New",
      role: "manager",
    })) as { webhooks: { status: number | null }[] };
    expect(result.webhooks.length).toBeGreaterThan(0);
    // Acknowledged once recorded and queued (202), or recorded as needing no action (200).
    expect(result.webhooks.every((w) => w.status === 202 || w.status === 200)).toBe(true);
    await drainQueue();
    const member = await db.membership.findFirstOrThrow({
      where: { user: { email: "nora.new@acme.test" }, org: { slug: "acme" } },
      include: { user: true },
    });
    expect(member).toMatchObject({ role: "manager", status: "active", directoryManaged: true });
    expect(member.user.name).toBe("Nora New");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "member.provisioned" } });
    expect(audit).toMatchObject({
      actorType: "system",
      actorLabel: "WorkOS directory sync",
      summary: "Nora New (nora.new@acme.test) joined Acme Maritime as manager",
    });
  });

  it("treats a redelivered event as a duplicate", async () => {
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { eventType: "organization_membership.created" },
    });
    const body = JSON.stringify(delivery.payload);
    const again = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
    expect(await again.json()).toEqual({ status: "duplicate" });
    expect(await db.webhookDelivery.count({ where: { idempotencyKey: delivery.idempotencyKey } })).toBe(1);
  });

  it("treats a redelivered event that belongs to no org as a duplicate too", async () => {
    // Delivery keys are unique per org; events tied to no org share one namespace rather than none.
    const body = JSON.stringify({
      id: "event_no_org_redelivered",
      event: "user.updated",
      data: { id: "user_unknown_to_bosun", email: "stranger@elsewhere.test", first_name: "Sam", last_name: "Stranger" },
      created_at: new Date().toISOString(),
    });
    const first = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
    expect(first.status).toBe(202);
    expect(await first.json()).not.toEqual({ status: "duplicate" });
    const again = await post(body, signWorkosWebhook(body, WORKOS_DEMO_WEBHOOK_SECRET));
    expect(await again.json()).toEqual({ status: "duplicate" });
    const stored = await db.webhookDelivery.findMany({ where: { idempotencyKey: "event_no_org_redelivered" } });
    expect(stored).toEqual([expect.objectContaining({ source: "workos", orgId: null })]);
  });

  it("deprovisions a deactivated directory user: membership, sessions and an audit entry", async () => {
    const linus = await db.user.findUniqueOrThrow({ where: { email: "linus@acme.test" } });
    await db.userSession.create({ data: { workosSessionId: "session_linus_open", userId: linus.id } });
    await directory({ action: "create", email: "linus@acme.test" }).catch(() => undefined);
    await directory({ action: "deactivate", email: "linus@acme.test" });
    await drainQueue();
    const membership = await db.membership.findFirstOrThrow({ where: { userId: linus.id, org: { slug: "acme" } } });
    expect(membership.status).toBe("deactivated");
    expect(await db.userSession.findUniqueOrThrow({ where: { workosSessionId: "session_linus_open" } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "member.deprovisioned", targetId: linus.id } });
    expect(audit.summary).toContain("Linus Torvalds (linus@acme.test) lost access to Acme Maritime");
  });
});
