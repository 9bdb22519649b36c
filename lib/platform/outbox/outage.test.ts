import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { buildWorld } from "@/emulators/seed/world";
import { db } from "@/lib/db/client";
import * as outbox from "./index";

/**
 * A long Jira outage against the real emulator and database. The outbox's clock
 * is stepped forward by hand, so hours of backoff pass without any waiting.
 */
describe("outbound writes through a long outage", () => {
  let jira: JiraEmulator;
  let orgId: string;
  const world = buildWorld();
  const person = (key: string) => world.people.find((p) => p.key === key)!;

  const setFaults = (faults: object) =>
    fetch(`${jira.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify(faults) });
  const assigneeOf = async (issueKey: string) => {
    const response = await fetch(`${jira.url}/__emulator/sites/acme/issues/${issueKey}`);
    return ((await response.json()) as { issue: { assigneeId: string | null } }).issue.assigneeId;
  };
  const assign = (issueKey: string, accountId: string, key: string) => ({
    orgId,
    operation: "jira.issue.assign" as const,
    args: { issueKey, accountId },
    orderingKey: `jira:${issueKey}`,
    idempotencyKey: key,
    actor: { type: "user" as const, label: "grace@acme.test" },
    summary: `Assigned ${issueKey}`,
    target: { type: "jira_issue", id: issueKey },
  });

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "outboxoutage",
    seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  beforeEach(() => setFaults({ errorRate: 0, rateLimitRate: 0 }));
  afterAll(async () => {
    await jira.close();
  });

  it("defect 2 (outage poisons writes): a Jira write survives more than 10 failed tries and lands once Jira is back", async () => {
    const before = await assigneeOf("ACME-1");
    const next = [person("ken"), person("donald")].find((p) => p.jiraAccountId !== before)!.jiraAccountId;
    await setFaults({ errorRate: 1, errorStatus: 503 });
    const first = await outbox.performWrite(assign("ACME-1", next, "outage-1"));
    expect(first).toMatchObject({ status: "pending", error: expect.stringContaining("503") });

    // Each pass is a quarter of an hour after the last: longer than any backoff, so every pass finds the write due.
    let clock = Date.now();
    const step = { now: () => new Date(clock), random: () => 0.5 };
    for (let pass = 0; pass < 14; pass++) {
      clock += 16 * 60_000;
      expect((await outbox.drainOutbox(step)).map((o) => o.status)).toEqual(["pending"]);
    }
    const waiting = await db.outboxIntent.findFirstOrThrow({ where: { idempotencyKey: "outage-1" } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 15, lastError: expect.stringContaining("503") });
    // Never more than fifteen minutes between tries, whatever the number of tries.
    expect(waiting.nextAttemptAt.getTime() - clock).toBeLessThanOrEqual(15 * 60_000);
    expect(await assigneeOf("ACME-1")).toBe(before);

    await setFaults({ errorRate: 0 });
    clock += 16 * 60_000;
    expect((await outbox.drainOutbox(step)).map((o) => o.status)).toEqual(["succeeded"]);
    expect(await assigneeOf("ACME-1")).toBe(next);
    const audit = await db.auditLog.findMany({ where: { orgId, action: "jira.issue.assign" } });
    expect(audit.map((entry) => entry.result)).toEqual(["success"]);
  });

  it("defect 2 (outage poisons writes): past the org's retry window the write fails, naming the last error, and is audited once", async () => {
    const settings = (await db.organization.findUniqueOrThrow({ where: { id: orgId } })).settings as object | null;
    await db.organization.update({
      where: { id: orgId },
      data: { settings: { ...(settings ?? {}), outboxRetryHours: 1 } },
    });
    await setFaults({ errorRate: 1, errorStatus: 503 });
    expect((await outbox.performWrite(assign("ACME-2", person("grace").jiraAccountId, "outage-2"))).status).toBe(
      "pending",
    );

    let clock = Date.now();
    const step = { now: () => new Date(clock), random: () => 0.5 };
    clock += 50 * 60_000;
    expect((await outbox.drainOutbox(step)).map((o) => o.status)).toEqual(["pending"]);
    clock += 11 * 60_000;
    const [outcome] = await outbox.drainOutbox(step);
    expect(outcome).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^gave up after 1 h of retries: 503: /),
    });
    expect(await db.outboxIntent.findFirstOrThrow({ where: { idempotencyKey: "outage-2" } })).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: expect.stringMatching(/^gave up after 1 h of retries: 503/),
    });
    const audit = await db.auditLog.findMany({ where: { orgId, action: "jira.issue.assign", result: "failure" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain("gave up after 1 h of retries");
  });
});
