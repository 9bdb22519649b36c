import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { upsertRollbackGate } from "@/lib/db/queries/rollback-gates";
import { saveRollbackHook } from "@/lib/integrations/deploy";
import * as outbox from "@/lib/platform/outbox";
import { approveRollback, dismissRollback, type Decider } from "./decide";
import { dryRunRollback } from "./dry-run";
import { loadRollbackGates } from "./load";
import { raiseRollbackGates } from "./raise";
import { startTestRollbackReceiver, type TestRollbackReceiver } from "./test-receiver";

const SECRET = "demo-rollback-secret";

/**
 * The rollback gate end to end: the demo's regressed release read from the Sentry emulator, the blocker filed in
 * the Jira emulator, and approvals sent through the outbox to a real receiver that checks signatures and dedupes
 * by Idempotency-Key. Retries are never slept through: a held answer makes the timeout, due times move to now.
 */
describe("rollback gate, end to end", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let receiver: TestRollbackReceiver;
  let orgId: string;
  let manager: Decider;
  let admin: Decider;
  let member: Decider;

  beforeAll(async () => {
    [jira, sentry, receiver] = await Promise.all([
      startJiraEmulator({ port: 0 }),
      startSentryEmulator({ port: 0 }),
      startTestRollbackReceiver({ secret: SECRET }),
    ]);
  });
  useSeededDatabase({ label: "rollback", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    orgId = org.id;
    const deciderWith = async (role: "admin" | "manager" | "member"): Promise<Decider> => {
      const membership = await db.membership.findFirstOrThrow({ where: { orgId, role }, include: { user: true } });
      const { id, name, email } = membership.user;
      return { orgId, orgSlug: org.slug, orgName: org.name, role, user: { id, name, email }, requestId: `req-${role}` };
    };
    [manager, admin, member] = await Promise.all([deciderWith("manager"), deciderWith("admin"), deciderWith("member")]);
  });
  beforeEach(async () => {
    const saved = await saveRollbackHook({
      orgId,
      input: { url: `${receiver.url}/hooks/rollback`, timeoutSeconds: 30, secret: SECRET },
      mode: "demo",
    });
    expect(saved.ok).toBe(true);
  });
  afterAll(async () => {
    await receiver?.close();
    await jira?.close();
    await sentry?.close();
  });

  /** Drains the outbox as the worker would, with every backoff moved to now. */
  const settleOutbox = async () => {
    for (let pass = 0; pass < 10; pass++) {
      await db.$executeRaw`UPDATE "OutboxIntent" SET "nextAttemptAt" = now() WHERE status = 'pending'`;
      await outbox.drainOutbox();
      if ((await db.outboxIntent.count({ where: { status: { in: ["pending", "in_flight"] } } })) === 0) return;
    }
    throw new Error("the outbox is still busy");
  };
  const gateFor = (release: string) =>
    db.rollbackGate.findUniqueOrThrow({
      where: { orgId_release_environment: { orgId, release, environment: "production" } },
    });
  /** A gate as the check would raise it, for a release the demo data does not regress. */
  const openGate = async (release: string) =>
    (
      await upsertRollbackGate({
        orgId,
        release,
        environment: "production",
        evidence: {
          release,
          environment: "production",
          previousRelease: "2.4.0",
          deployedAt: new Date().toISOString(),
          evaluatedAt: new Date().toISOString(),
          signals: [{ kind: "critical_issues", text: "3 new Critical issues", count: 3, issues: [] }],
          summary: "3 new Critical issues.",
        },
      })
    ).gate;

  it("raises the gate once for the demo's regressed release, files one blocker and tells managers once", async () => {
    const first = await raiseRollbackGates({ orgId, requestId: "req-raise-1" });
    expect(first.raised).toEqual(["2.14.0"]);
    await settleOutbox();
    const again = await raiseRollbackGates({ orgId, requestId: "req-raise-2" });
    expect(again).toMatchObject({ raised: [], refreshed: ["2.14.0"] });
    await settleOutbox();

    const gates = await db.rollbackGate.findMany({ where: { orgId } });
    expect(gates).toHaveLength(1);
    const [gate] = gates;
    expect(gate).toMatchObject({ release: "2.14.0", environment: "production", status: "recommended" });
    const evidence = gate!.evidence as { signals: { kind: string }[]; previousRelease: string; summary: string };
    expect(evidence.signals.map((s) => s.kind)).toContain("crash_free_drop");
    expect(evidence.previousRelease).toBe("2.13.0");
    expect(evidence.summary).toMatch(/^Crash-free sessions fell to \d+\.\d\d% from \d+\.\d\d% in 2\.13\.0/);

    const blockers = await db.outboxIntent.findMany({
      where: { orgId, idempotencyKey: "rollback-blocker:2.14.0:production" },
    });
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toMatchObject({ status: "succeeded", operation: "jira.issue.create" });
    const key = (blockers[0]!.result as { key: string }).key;
    expect(gate!.jiraIssueKey).toBe(key);
    const auth = `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}`;
    const issue = (await (
      await fetch(`${jira.url}/acme/rest/api/3/issue/${key}?fields=summary,priority,labels`, {
        headers: { authorization: auth },
      })
    ).json()) as { fields: { summary: string; priority: { name: string }; labels: string[] } };
    expect(issue.fields).toMatchObject({
      summary: "[Rollback recommended] 2.14.0 in production",
      priority: { name: "Highest" },
    });
    expect(issue.fields.labels).toContain("rollback-recommended");

    expect(await db.auditLog.count({ where: { orgId, action: "rollback.recommended" } })).toBe(1);
    const notified = await db.notification.findMany({ where: { orgId, event: "rollback_recommended" } });
    const managers = await db.membership.findMany({
      where: { orgId, role: { in: ["manager", "admin"] }, status: "active" },
    });
    expect(managers.length).toBeGreaterThan(0);
    for (const { userId } of managers) expect(notified.filter((n) => n.userId === userId)).toHaveLength(1);
  });

  it("a member cannot decide; a dismissed gate stays dismissed however often the check runs", async () => {
    const gate = await gateFor("2.14.0");
    expect(await dismissRollback(member, { gateId: gate.id, reason: "not mine" })).toMatchObject({ ok: false });
    expect(await approveRollback(member, gate.id)).toMatchObject({ ok: false });
    expect(
      await dismissRollback(manager, { gateId: gate.id, reason: "Crash is in a feature flag we turned off" }),
    ).toEqual({
      ok: true,
      data: { message: "Dismissed." },
    });
    const raised = await raiseRollbackGates({ orgId, requestId: "req-raise-3" });
    expect(raised).toMatchObject({ raised: [], refreshed: [] });
    expect(await gateFor("2.14.0")).toMatchObject({
      status: "dismissed",
      dismissReason: "Crash is in a feature flag we turned off",
      decidedById: manager.user.id,
      evidence: gate.evidence,
    });
    expect(await approveRollback(manager, gate.id)).toEqual({
      ok: false,
      error: "This rollback was dismissed already.",
    });
    expect(await db.auditLog.count({ where: { orgId, action: "rollback.recommended" } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId, action: "rollback.dismissed" } })).toBe(1);
    expect(receiver.received).toHaveLength(0);
  });

  it("a gate of another org is not found", async () => {
    const globex = await db.organization.findUniqueOrThrow({ where: { slug: "globex" } });
    const gate = await gateFor("2.14.0");
    const outsider = { ...manager, orgId: globex.id, orgSlug: globex.slug };
    expect(await approveRollback(outsider, gate.id)).toBeNull();
    expect(await dismissRollback(outsider, { gateId: gate.id, reason: "nope" })).toBeNull();
    expect(await dryRunRollback(outsider, gate.id)).toBeNull();
  });

  it("the dry run shows exactly what would be sent, signed, and sends nothing", async () => {
    const gate = await openGate("2.11.0");
    const at = new Date();
    const result = await dryRunRollback(manager, gate.id, at);
    if (!result?.ok) throw new Error(JSON.stringify(result));
    const { url, headers, body } = result.data;
    expect(url).toBe(`${receiver.url}/hooks/rollback`);
    const timestamp = String(Math.floor(at.getTime() / 1000));
    expect(headers).toEqual({
      "Content-Type": "application/json",
      "X-Bosun-Timestamp": timestamp,
      "X-Bosun-Signature": `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex")}`,
      "Idempotency-Key": `rollback:${gate.id}`,
    });
    expect(JSON.parse(body)).toEqual({
      type: "rollback.requested",
      id: gate.id,
      org: "acme",
      release: "2.11.0",
      environment: "production",
      previousRelease: "2.4.0",
      reason: "3 new Critical issues.",
      approvedBy: manager.user.name,
      approvedAt: at.toISOString(),
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(receiver.received).toHaveLength(0);
    expect((await gateFor("2.11.0")).status).toBe("recommended");
  });

  it("two approvals at once send exactly one signed request, and the gate shows the hook's answer", async () => {
    const gate = await openGate("2.12.0");
    const outcomes = await Promise.all([approveRollback(manager, gate.id), approveRollback(admin, gate.id)]);
    expect(outcomes.every((outcome) => outcome?.ok)).toBe(true);
    await settleOutbox();
    const sent = receiver.received.filter((r) => r.idempotencyKey === `rollback:${gate.id}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      deliveries: 1,
      body: { type: "rollback.requested", id: gate.id, release: "2.12.0" },
    });
    expect(await gateFor("2.12.0")).toMatchObject({
      status: "sent",
      responseStatus: 202,
      responseBody: expect.stringContaining('"rollbackId"'),
    });
    expect(await db.outboxIntent.count({ where: { orgId, idempotencyKey: `rollback:${gate.id}` } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId, action: "rollback.approved", targetId: gate.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId, action: "deploy.rollback", targetId: gate.id } })).toBe(1);
    // A third click later finds it decided.
    expect(await approveRollback(manager, gate.id)).toMatchObject({ ok: true });
    expect(receiver.received.filter((r) => r.idempotencyKey === `rollback:${gate.id}`)).toHaveLength(1);
    const panel = await loadRollbackGates({ orgId, release: "2.12.0" });
    expect(panel.gates[0]?.view).toEqual({
      state: "sent",
      detail: expect.stringMatching(/^The deployment hook answered with 202: /),
    });
  });

  it("a try that times out is retried with the same key: the hook records one rollback, delivered twice", async () => {
    const gate = await openGate("2.10.0");
    // The one test that wants a timeout: the shortest a hook may have, against an answer held back until released.
    // Every other test gives the local receiver the longest, so a slow machine never turns an answer into a timeout.
    await saveRollbackHook({
      orgId,
      input: { url: `${receiver.url}/hooks/rollback`, timeoutSeconds: 1, secret: SECRET },
      mode: "demo",
    });
    const release = receiver.holdNextAnswer();
    const outcome = await approveRollback(manager, gate.id);
    release();
    expect(outcome).toMatchObject({ ok: true, data: { message: expect.stringContaining("not delivered yet") } });
    const intent = await db.outboxIntent.findFirstOrThrow({ where: { orgId, idempotencyKey: `rollback:${gate.id}` } });
    expect(intent).toMatchObject({ status: "pending", lastError: expect.stringMatching(/did not answer within 1 s/) });
    expect((await loadRollbackGates({ orgId, release: "2.10.0" })).gates[0]?.view.state).toBe("sending");

    await settleOutbox();
    const records = receiver.received.filter((r) => r.idempotencyKey === `rollback:${gate.id}`);
    expect(records).toHaveLength(1);
    expect(records[0]?.deliveries).toBe(2);
    expect(await gateFor("2.10.0")).toMatchObject({ status: "sent", responseStatus: 200 });
  });

  it("an approval whose process died before recording its write can be approved again, and sends once", async () => {
    const gate = await openGate("2.8.0");
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await db.rollbackGate.update({
      where: { id: gate.id },
      data: { status: "approved", decidedById: manager.user.id, decidedAt: tenMinutesAgo },
    });
    expect(await approveRollback(manager, gate.id)).toMatchObject({
      ok: true,
      data: { message: expect.stringMatching(/^Sent/) },
    });
    expect(receiver.received.filter((r) => r.idempotencyKey === `rollback:${gate.id}`)).toHaveLength(1);
    expect(await gateFor("2.8.0")).toMatchObject({ status: "sent" });
  });

  it("a hook that refuses the request (4xx) fails it for good; approving again after the fix sends it", async () => {
    const gate = await openGate("2.9.0");
    await saveRollbackHook({
      orgId,
      input: { url: `${receiver.url}/hooks/rollback`, timeoutSeconds: 30, secret: "not-the-receivers-secret" },
      mode: "demo",
    });
    const rejectedBefore = receiver.rejected;
    const failed = await approveRollback(manager, gate.id);
    expect(failed).toMatchObject({ ok: false, error: expect.stringContaining("401") });
    expect(receiver.rejected).toBe(rejectedBefore + 1);
    expect(await gateFor("2.9.0")).toMatchObject({ status: "failed" });

    await saveRollbackHook({
      orgId,
      input: { url: `${receiver.url}/hooks/rollback`, timeoutSeconds: 30, secret: SECRET },
      mode: "demo",
    });
    expect(await approveRollback(manager, gate.id)).toMatchObject({ ok: true });
    expect(receiver.received.filter((r) => r.idempotencyKey === `rollback:${gate.id}`)).toHaveLength(1);
    expect(await gateFor("2.9.0")).toMatchObject({ status: "sent", responseStatus: 202 });
  });
});
