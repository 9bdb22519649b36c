import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { buildWorld } from "@/emulators/seed/world";
import { db } from "@/lib/db/client";
import * as outbox from "./index";
import * as retry from "./retry-write";

/** A failed write is not its key's last word: corrected input supersedes it, and a person can retry it. */
describe("failed writes: superseded and retried", () => {
  let jira: JiraEmulator;
  let orgId: string;
  let otherOrgId: string;
  const world = buildWorld();
  const person = (key: string) => world.people.find((p) => p.key === key)!;
  const actor = { type: "user" as const, id: "u_grace", label: "grace@acme.test" };

  const setFaults = (faults: object) =>
    fetch(`${jira.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify(faults) });
  const issueCount = async () =>
    (
      (await (await fetch(`${jira.url}/__emulator/sites`)).json()) as { sites: { slug: string; issues: number }[] }
    ).sites.find((s) => s.slug === "acme")!.issues;
  const create = (projectKey: string, key: string, summary = "Crash in checkout") => ({
    orgId,
    operation: "jira.issue.create" as const,
    args: {
      projectKey,
      issueType: "Bug",
      summary,
      description: { type: "doc", version: 1, content: [] },
      priority: "High",
      labels: ["sentry"],
    },
    orderingKey: `sentry-issue:${key}`,
    idempotencyKey: `sentry-ticket:${key}`,
    actor,
    summary: `Created a Jira bug for Sentry issue ${key}`,
    target: { type: "sentry_issue", id: key },
  });
  const assign = (issueKey: string, accountId: string, key: string) => ({
    orgId,
    operation: "jira.issue.assign" as const,
    args: { issueKey, accountId },
    orderingKey: `jira:${issueKey}`,
    idempotencyKey: key,
    actor,
    summary: `Assigned ${issueKey}`,
    target: { type: "jira_issue", id: issueKey },
  });
  const assigneeOf = async (issueKey: string) =>
    (
      (await (await fetch(`${jira.url}/__emulator/sites/acme/issues/${issueKey}`)).json()) as {
        issue: { assigneeId: string | null };
      }
    ).issue.assigneeId;
  /** Fails a write for good the way a long outage does: Jira answers 503 until the org's one-hour window has passed. */
  const failByOutage = async (request: ReturnType<typeof assign>) => {
    await setFaults({ errorRate: 1, errorStatus: 503 });
    expect((await outbox.performWrite(request)).status).toBe("pending");
    const later = Date.now() + 61 * 60_000;
    const outcomes = await outbox.drainOutbox({ now: () => new Date(later), random: () => 0.5 });
    expect(outcomes.map((o) => o.status)).toContain("failed");
    return db.outboxIntent.findFirstOrThrow({ where: { orgId, idempotencyKey: request.idempotencyKey } });
  };

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "outboxsupersede",
    seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    otherOrgId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
    const settings = (await db.organization.findUniqueOrThrow({ where: { id: orgId } })).settings as object | null;
    await db.organization.update({
      where: { id: orgId },
      data: { settings: { ...(settings ?? {}), outboxRetryHours: 1 } },
    });
  });
  beforeEach(() => setFaults({ errorRate: 0, rateLimitRate: 0 }));
  afterAll(async () => {
    await jira.close();
  });

  it("a failed intent blocks its key forever: a corrected project key supersedes the failed create, once, audited with what changed", async () => {
    const failed = await outbox.performWrite(create("NOPE", "9001"));
    expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining("400") });

    const corrected = await outbox.performWrite(create("ACME", "9001"));
    expect(corrected.status).toBe("succeeded");
    expect((corrected as { result: { key: string } }).result.key).toMatch(/^ACME-\d+$/);

    const old = await db.outboxIntent.findUniqueOrThrow({ where: { id: failed.intentId } });
    expect(old).toMatchObject({
      status: "superseded",
      supersededById: corrected.intentId,
      idempotencyKey: `sentry-ticket:9001#superseded:${failed.intentId}`,
    });
    const current = await db.outboxIntent.findUniqueOrThrow({
      where: { orgId_idempotencyKey: { orgId, idempotencyKey: "sentry-ticket:9001" } },
    });
    expect(current.id).toBe(corrected.intentId);

    const audit = await db.auditLog.findMany({ where: { orgId, action: "outbox.write_superseded" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: "grace@acme.test", targetType: "sentry_issue", targetId: "9001" });
    expect((audit[0]!.changes as { diff: unknown[]; supersededIntentId: string }).diff).toEqual([
      { field: "projectKey", before: "NOPE", after: "ACME" },
    ]);
    expect((audit[0]!.changes as { supersededIntentId: string }).supersededIntentId).toBe(failed.intentId);

    // Once the key has succeeded, any later request under it gets that first outcome: nothing is filed twice.
    const again = await outbox.performWrite(create("PORT", "9001"));
    expect(again).toMatchObject({ status: "succeeded", intentId: corrected.intentId });
  });

  it("a failed intent blocks its key forever: the same arguments again get the same failure back, not a second try", async () => {
    const first = await outbox.performWrite(create("NOPE", "9002"));
    const second = await outbox.performWrite(create("NOPE", "9002"));
    expect(second).toEqual(first);
    expect(
      await db.outboxIntent.count({ where: { orgId, idempotencyKey: { startsWith: "sentry-ticket:9002" } } }),
    ).toBe(1);
  });

  it("a failed intent blocks its key forever: two corrections racing produce one new write and one Jira issue", async () => {
    const failed = await outbox.performWrite(create("NOPE", "9003"));
    expect(failed.status).toBe("failed");
    const before = await issueCount();
    const outcomes = await Promise.all([
      outbox.performWrite(create("ACME", "9003")),
      outbox.performWrite(create("ACME", "9003")),
    ]);
    expect(new Set(outcomes.map((o) => o.intentId)).size).toBe(1);
    expect(
      await db.outboxIntent.count({ where: { orgId, idempotencyKey: { startsWith: "sentry-ticket:9003" } } }),
    ).toBe(2);
    expect(
      await db.outboxIntent.count({
        where: { orgId, idempotencyKey: { startsWith: "sentry-ticket:9003" }, status: "superseded" },
      }),
    ).toBe(1);
    expect(await db.auditLog.count({ where: { orgId, action: "outbox.write_superseded", targetId: "9003" } })).toBe(1);
    // Drain whatever the losing caller left waiting; still one issue.
    await outbox.drainOutbox();
    expect(await issueCount()).toBe(before + 1);
  });

  it("a failed intent blocks its key forever: Retry puts a write given up on back in the queue with a fresh window, keeps its tries, and audits it", async () => {
    const next = person("ken").jiraAccountId;
    const failed = await failByOutage(assign("ACME-1", next, "retry-1"));
    expect(failed.status).toBe("failed");
    await setFaults({ errorRate: 0 });

    const outcome = await retry.retryWrite({ orgId, intentId: failed.id, actor, requestId: "req-retry-1" });
    expect(outcome.status).toBe("succeeded");
    expect(await assigneeOf("ACME-1")).toBe(next);
    const after = await db.outboxIntent.findUniqueOrThrow({ where: { id: failed.id } });
    expect(after).toMatchObject({ status: "succeeded", attempts: failed.attempts + 1 });
    expect(after.retriedAt).not.toBeNull();
    const audit = await db.auditLog.findMany({ where: { orgId, action: "outbox.write_retried" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: "grace@acme.test", targetId: "ACME-1", requestId: "req-retry-1" });

    // Only a failed write can be retried.
    expect(await retry.retryWrite({ orgId, intentId: failed.id, actor })).toEqual({
      status: "wrong_state",
      current: "succeeded",
    });
  });

  it("a failed intent blocks its key forever: a retried write keeps its place behind earlier unfinished writes to its target", async () => {
    const first = await failByOutage(assign("ACME-2", person("ken").jiraAccountId, "order-1"));
    const second = await failByOutage(assign("ACME-2", person("donald").jiraAccountId, "order-2"));
    // Jira is still down: the earlier write goes back to waiting, and the later one waits behind it without a try.
    expect((await retry.retryWrite({ orgId, intentId: first.id, actor })).status).toBe("pending");
    expect(await retry.retryWrite({ orgId, intentId: second.id, actor })).toMatchObject({
      status: "pending",
      error: null,
    });
    expect((await db.outboxIntent.findUniqueOrThrow({ where: { id: second.id } })).attempts).toBe(second.attempts);

    await setFaults({ errorRate: 0 });
    const later = Date.now() + 20 * 60_000;
    expect((await outbox.drainOutbox({ now: () => new Date(later), random: () => 0.5 })).map((o) => o.status)).toEqual([
      "succeeded",
    ]);
    expect((await outbox.drainOutbox({ now: () => new Date(later), random: () => 0.5 })).map((o) => o.status)).toEqual([
      "succeeded",
    ]);
    expect(await assigneeOf("ACME-2")).toBe(person("donald").jiraAccountId);
  });

  it("a failed intent blocks its key forever: another org's write is not found, and a member may retry only their own", async () => {
    const failed = await outbox.performWrite(create("NOPE", "9004"));
    expect(await retry.retryWrite({ orgId: otherOrgId, intentId: failed.intentId, actor })).toEqual({
      status: "not_found",
    });
    expect(await retry.resumeWrite({ orgId: otherOrgId, intentId: failed.intentId, actor })).toEqual({
      status: "not_found",
    });
    expect(
      await retry.retryWrite({
        orgId,
        intentId: failed.intentId,
        actor: { type: "user", id: "u_someone_else", label: "x@acme.test" },
        ownWritesOnly: true,
      }),
    ).toEqual({ status: "not_allowed" });
    expect((await db.outboxIntent.findUniqueOrThrow({ where: { id: failed.intentId } })).status).toBe("failed");
    expect(await db.auditLog.count({ where: { orgId: otherOrgId, action: { startsWith: "outbox." } } })).toBe(0);
    // Its author may: it fails the same way (Jira still has no project NOPE), and says so.
    expect(await retry.retryWrite({ orgId, intentId: failed.intentId, actor, ownWritesOnly: true })).toMatchObject({
      status: "failed",
      error: expect.stringContaining("400"),
    });
  });

  it("a failed intent blocks its key forever: Resume now tries a waiting write at once instead of at its backoff", async () => {
    await setFaults({ errorRate: 1, errorStatus: 503 });
    const waiting = await outbox.performWrite(assign("ACME-3", person("ken").jiraAccountId, "resume-1"));
    expect(waiting.status).toBe("pending");
    await setFaults({ errorRate: 0 });
    expect(await retry.resumeWrite({ orgId, intentId: waiting.intentId, actor })).toMatchObject({
      status: "succeeded",
    });
    expect(await db.auditLog.count({ where: { orgId, action: "outbox.write_resumed" } })).toBe(1);
    expect(await retry.resumeWrite({ orgId, intentId: waiting.intentId, actor })).toEqual({
      status: "wrong_state",
      current: "succeeded",
    });
  });
});
