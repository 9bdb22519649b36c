import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { buildWorld } from "@/emulators/seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import * as outbox from "./index";
import { db } from "@/lib/db/client";

/** The outbound-write path against the real WorkOS emulator and a real database. */
describe("outbox", () => {
  let workos: RunningWorkosEmulator;
  let orgId: string;
  const world = buildWorld();
  const acme = world.orgs.find((o) => o.slug === "acme")!;
  const linus = world.people.find((p) => p.key === "linus")!;

  const setFaults = (faults: object) =>
    fetch(`${workos.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify(faults) });
  const workosRole = async () => {
    const response = await fetch(
      `${workos.url}/user_management/organization_memberships?user_id=${linus.workosUserId}&organization_id=${acme.workosOrgId}`,
      { headers: { authorization: "Bearer sk_test_bosun_demo" } },
    );
    return ((await response.json()) as { data: { role: { slug: string } }[] }).data[0]?.role.slug;
  };
  const roleChange = (role: "manager" | "member", key: string) => ({
    orgId,
    operation: "workos.membership.update_role" as const,
    args: { workosUserId: linus.workosUserId, workosOrgId: acme.workosOrgId, role },
    orderingKey: `membership:${linus.workosUserId}`,
    idempotencyKey: key,
    actor: { type: "user" as const, id: "u_admin", label: "ada@acme.test" },
    summary: `Changed Linus Torvalds's role to ${role}`,
    target: { type: "membership", id: linus.workosUserId },
    requestId: "req-outbox-test-1",
  });

  useSeededDatabase({ label: "outbox" });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  });
  beforeEach(() => setFaults({ errorRate: 0, rateLimitRate: 0 }));
  afterAll(async () => {
    restoreTestEnv();
    await workos.close();
  });

  it("records the intent, makes the write, and audits it once", async () => {
    const outcome = await outbox.performWrite(roleChange("manager", "k1"));
    expect(outcome.status).toBe("succeeded");
    expect(await workosRole()).toBe("manager");
    const intent = await db.outboxIntent.findFirstOrThrow({ where: { idempotencyKey: "k1" } });
    expect(intent).toMatchObject({
      status: "succeeded",
      attempts: 1,
      service: "workos",
      actorType: "user",
      requestId: "req-outbox-test-1",
    });
    const audit = await db.auditLog.findMany({ where: { action: "workos.membership.update_role" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      result: "success",
      actorLabel: "ada@acme.test",
      summary: "Changed Linus Torvalds's role to manager",
      requestId: "req-outbox-test-1",
    });
  });

  it("never writes twice for the same idempotency key", async () => {
    await fetch(`${workos.url}/user_management/organization_memberships`, {
      headers: { authorization: "Bearer sk_test_bosun_demo" },
    });
    const again = await outbox.performWrite(roleChange("manager", "k1"));
    expect(again.status).toBe("succeeded");
    expect(await db.outboxIntent.count({ where: { idempotencyKey: "k1" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "workos.membership.update_role" } })).toBe(1);
  });

  it("keeps a write through an outage and applies it, in order, once the service is back", async () => {
    await setFaults({ errorRate: 1, errorStatus: 503 });
    const first = await outbox.performWrite(roleChange("member", "k2"));
    expect(first).toMatchObject({ status: "pending", error: expect.stringContaining("503") });
    const second = await outbox.performWrite(roleChange("manager", "k3"));
    expect(second.status).toBe("pending");

    await setFaults({ errorRate: 0 });
    expect(await workosRole()).toBe("manager");
    // Backoff: the first intent is not due yet, and the second waits behind it.
    expect(await outbox.drainOutbox()).toEqual([]);
    await db.outboxIntent.updateMany({
      where: { idempotencyKey: { in: ["k2", "k3"] } },
      data: { nextAttemptAt: new Date(Date.now() - 1) },
    });
    const firstPass = await outbox.drainOutbox();
    expect(firstPass.map((o) => o.status)).toEqual(["succeeded"]);
    expect(await workosRole()).toBe("member");
    const secondPass = await outbox.drainOutbox();
    expect(secondPass.map((o) => o.status)).toEqual(["succeeded"]);
    expect(await workosRole()).toBe("manager");
    const intents = await db.outboxIntent.findMany({
      where: { idempotencyKey: { in: ["k2", "k3"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(intents.map((i) => [i.status, i.attempts])).toEqual([
      ["succeeded", 2],
      ["succeeded", 1],
    ]);
  });

  it("gives up at once on a write the service rejects, and audits the failure", async () => {
    const outcome = await outbox.performWrite({
      ...roleChange("member", "k4"),
      args: { workosUserId: "user_missing", workosOrgId: acme.workosOrgId, role: "member" },
      orderingKey: "membership:user_missing",
    });
    expect(outcome).toMatchObject({ status: "failed", error: expect.stringContaining("404") });
    const audit = await db.auditLog.findFirstOrThrow({ where: { result: "failure" } });
    expect(audit.summary).toContain("failed");
  });

  it("defect 8 (audit diff): a failed write's audit entry still records the fields it tried to send, with the value before", async () => {
    const outcome = await outbox.performWrite({
      ...roleChange("manager", "k4-diff"),
      args: { workosUserId: "user_gone", workosOrgId: acme.workosOrgId, role: "manager" },
      orderingKey: "membership:user_gone",
      before: { role: "member" },
    });
    expect(outcome.status).toBe("failed");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { result: "failure", summary: { contains: "404" } },
      orderBy: { createdAt: "desc" },
    });
    // The stored arguments are JSONB, which keeps its own key order.
    const { attempts, diff } = audit.changes as { attempts: number; diff: unknown[] };
    expect(attempts).toBe(1);
    expect(diff).toHaveLength(3);
    expect(diff).toEqual(
      expect.arrayContaining([
        { field: "workosUserId", after: "user_gone" },
        { field: "workosOrgId", after: acme.workosOrgId },
        { field: "role", before: "member", after: "manager" },
      ]),
    );
  });

  it("takes back a write whose worker died mid-call", async () => {
    await db.outboxIntent.create({
      data: {
        orgId,
        service: "workos",
        operation: "workos.membership.update_role",
        orderingKey: `membership:${linus.workosUserId}`,
        idempotencyKey: "k5",
        payload: {
          args: { workosUserId: linus.workosUserId, workosOrgId: acme.workosOrgId, role: "member" },
          meta: { summary: "crashed write", actorLabel: "system" },
        },
        status: "in_flight",
        attempts: 1,
        nextAttemptAt: new Date(Date.now() - 1_000),
        actorType: "system",
      },
    });
    const outcomes = await outbox.drainOutbox();
    expect(outcomes.map((o) => o.status)).toEqual(["succeeded"]);
    expect(await workosRole()).toBe("member");
  });
});
