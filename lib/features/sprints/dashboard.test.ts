import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy } from "@/test/counting-proxy";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import type * as PlanModule from "./plan";
import type * as ApplyModule from "./apply-plan";
import { db } from "@/lib/db/client";
import * as dashboard from "./dashboard";

/** The sprint page's data against the Jira emulator, through a proxy that counts upstream requests. */
describe("sprint dashboard data", () => {
  let jira: JiraEmulator;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let orgId: string;
  const setFaults = (faults: object) =>
    fetch(`${jira.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify(faults) });

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
    proxy = await startCountingProxy(jira.url);
  });
  useSeededDatabase({ label: "dashboard", seed: () => ({ urls: { jira: proxy.url, sentry: "http://127.0.0.1:1" } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(async () => {
    await proxy.close();
    await jira.close();
  });

  it("says so when Jira is down and nothing is cached yet", async () => {
    await setFaults({ errorRate: 1, errorStatus: 503 });
    const result = await dashboard.loadSprintDashboard({ orgId });
    expect(result).toMatchObject({ status: "unavailable", message: expect.stringMatching(/503|Jira/) });
    await setFaults({ errorRate: 0 });
  });

  it("loads cold with few requests, backfills velocity once, and serves a warm load with none", async () => {
    proxy.reset();
    const cold = await dashboard.loadSprintDashboard({ orgId });
    if (cold.status !== "ok") throw new Error(cold.status);
    const coldRequests = proxy.count();
    expect(cold.velocity.sprints.length).toBeGreaterThanOrEqual(6);
    expect(cold.health?.committedPoints).toBeGreaterThan(0);
    expect(cold.health?.perPerson.length).toBeGreaterThan(1);
    // boards, configuration, sprints, one search per closed sprint (backfill, once), start snapshot, sprint issues, blockers
    expect(coldRequests).toBeLessThanOrEqual(6 + 6);

    proxy.reset();
    const warm = await dashboard.loadSprintDashboard({ orgId });
    expect(proxy.count()).toBe(0);
    expect(warm).toMatchObject({ status: "ok", freshness: { stale: false } });
    expect(await db.sprintSnapshot.count({ where: { orgId, kind: "close" } })).toBe(cold.velocity.sprints.length);
  });

  it("shows a sprint assignee who is not on Bosun's team by their Jira name, not as over capacity", async () => {
    const before = await dashboard.loadSprintDashboard({ orgId });
    if (before.status !== "ok") throw new Error(before.status);
    const busy = before.health!.perPerson.find((p) => p.onTeam && p.committedPoints > 0)!;
    // Unlinking their Jira account takes them off the team; the sprint's issues still name them.
    const membership = await db.membership.findFirstOrThrow({ where: { orgId, jiraAccountId: busy.accountId } });
    await db.membership.update({ where: { id: membership.id }, data: { jiraAccountId: null } });
    try {
      const after = await dashboard.loadSprintDashboard({ orgId });
      if (after.status !== "ok") throw new Error(after.status);
      expect(after.health!.perPerson.find((p) => p.accountId === busy.accountId)).toMatchObject({
        name: busy.name,
        capacityPoints: 0,
        committedPoints: busy.committedPoints,
        onTeam: false,
        isOverCommitted: false,
      });
    } finally {
      await db.membership.update({ where: { id: membership.id }, data: { jiraAccountId: membership.jiraAccountId } });
    }
  });

  it("keeps the last good data, marked stale, when a refresh hits a rate limit", async () => {
    await setFaults({ rateLimitRate: 1, retryAfterSeconds: 30 });
    const result = await dashboard.loadSprintDashboard({ orgId, force: true });
    await setFaults({ rateLimitRate: 0 });
    expect(result).toMatchObject({ status: "ok", freshness: { stale: true } });
    if (result.status === "ok") expect(result.freshness.error).toMatch(/rate|429/i);
  });

  it("resumes a plan whose assignments hit an outage", async () => {
    const plan: typeof PlanModule = await import("./plan");
    const apply: typeof ApplyModule = await import("./apply-plan");
    const boards = await dashboard.loadSprintDashboard({ orgId });
    if (boards.status !== "ok") throw new Error(boards.status);
    const preview = await plan.previewPlan({
      orgId,
      request: {
        boardId: boards.board.id,
        name: "Resume test sprint",
        startDate: "2027-01-04",
        endDate: "2027-01-18",
        goal: "Resume",
        bufferPercent: 10,
      },
    });
    if ("error" in preview) throw new Error(preview.error);
    const steps = apply.applySteps(preview);
    const actor = { type: "user" as const, id: null, label: "grace@acme.test" };
    const results = [];
    for (const step of steps) {
      if (step.kind === "assign")
        await setFaults({ errorRate: 1, errorStatus: 503, pathPrefix: "/acme/rest/api/3/issue" });
      results.push(await apply.applyStep({ orgId, preview, step, actor, requestId: "req-resume" }));
    }
    await setFaults({ errorRate: 0, pathPrefix: null });
    expect(preview.diff.assigneeChanges.length).toBeGreaterThan(0);
    expect(results.at(-1)?.status).toBe("pending");
    // "Resume" runs the remaining steps again; nothing already done is repeated.
    const intents = await db.outboxIntent.count({ where: { orgId } });
    await db.outboxIntent.updateMany({
      where: { orgId, status: "pending" },
      data: { nextAttemptAt: new Date(Date.now() - 1) },
    });
    for (const step of steps.filter((s) => s.kind === "assign"))
      expect(await apply.applyStep({ orgId, preview, step, actor, requestId: "req-resume-2" })).toMatchObject({
        status: "done",
      });
    expect(await db.outboxIntent.count({ where: { orgId } })).toBe(intents);
    expect(await db.outboxIntent.count({ where: { orgId, status: { not: "succeeded" } } })).toBe(0);
  });
});
