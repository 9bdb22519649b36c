import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy } from "@/test/counting-proxy";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { loadInvestigation } from "@/lib/features/investigation";
import { loadOverviewAttention, loadOverviewIssues, loadOverviewReleases, loadOverviewSprints } from "./index";

/**
 * The Overview's panels against the Jira and Sentry emulators, each behind a proxy that counts upstream requests:
 * a cold view may ask, a warm one asks nothing.
 */
describe("overview panels", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let jiraProxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let sentryProxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
    [jiraProxy, sentryProxy] = await Promise.all([startCountingProxy(jira.url), startCountingProxy(sentry.url)]);
  });
  useSeededDatabase({ label: "overview", seed: () => ({ urls: { jira: jiraProxy.url, sentry: sentryProxy.url } }) });
  beforeAll(async () => {
    acme = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    globex = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
  });
  afterAll(async () => {
    await Promise.all([jiraProxy.close(), sentryProxy.close()]);
    await Promise.all([jira.close(), sentry.close()]);
  });

  const upstreamRequests = () => jiraProxy.count() + sentryProxy.count();
  const resetCounts = () => {
    jiraProxy.reset();
    sentryProxy.reset();
  };
  const loadAll = (orgId: string) =>
    Promise.all([loadOverviewSprints({ orgId }), loadOverviewIssues({ orgId }), loadOverviewReleases({ orgId })]);

  it("asks Jira and Sentry on a cold view and nothing on a warm one", async () => {
    resetCounts();
    const cold = await loadAll(acme);
    expect(cold.map((panel) => panel.status)).toEqual(["ok", "ok", "ok"]);
    expect(jiraProxy.count()).toBeGreaterThan(0);
    expect(sentryProxy.count()).toBeGreaterThan(0);

    resetCounts();
    const warm = await loadAll(acme);
    expect(upstreamRequests()).toBe(0);
    expect(warm.map((panel) => panel.status)).toEqual(["ok", "ok", "ok"]);
  }, 120_000);

  it("weighs every board's running sprint, the ones over capacity first, each with days left and a burndown", async () => {
    const sprints = await loadOverviewSprints({ orgId: acme });
    if (sprints.status !== "ok") throw new Error(sprints.status);
    expect(sprints.rows.map((r) => r.boardName).sort()).toEqual(["ACME board", "HULL board", "PORT board"]);
    expect(sprints.idle).toEqual([]);
    for (const row of sprints.rows) {
      expect(row.committedPoints).toBeGreaterThan(0);
      expect(row.capacityPoints).toBeGreaterThanOrEqual(0);
      expect(row.isAtRisk).toBe(row.committedPoints > row.capacityPoints);
      expect(row.daysLeft).toBeGreaterThan(0);
      expect(row.burndown.length).toBeGreaterThan(1);
      expect(row.sprintName).toMatch(/Sprint \d+$/);
    }
    const firstCalm = sprints.rows.findIndex((r) => !r.isAtRisk);
    if (firstCalm >= 0) expect(sprints.rows.slice(firstCalm).every((r) => !r.isAtRisk)).toBe(true);
    expect(sprints.freshness.stale).toBe(false);
  }, 60_000);

  it("lists only Critical and regressed issues, with a trend once an investigation has read the issue", async () => {
    const before = await loadOverviewIssues({ orgId: acme });
    if (before.status !== "ok") throw new Error(before.status);
    expect(before.issues.length).toBeGreaterThan(0);
    expect(before.total).toBeGreaterThanOrEqual(before.issues.length);
    for (const issue of before.issues) expect(issue.severity === "critical" || issue.isRegressed).toBe(true);
    const first = before.issues[0]!;
    expect(first.trend).toBeNull();

    expect((await loadInvestigation({ orgId: acme, issueId: first.id })).status).toBe("ok");
    resetCounts();
    const after = await loadOverviewIssues({ orgId: acme });
    expect(upstreamRequests()).toBe(0);
    if (after.status !== "ok") throw new Error(after.status);
    const trend = after.issues.find((i) => i.id === first.id)?.trend;
    expect(trend?.length).toBe(24);
  }, 60_000);

  it("scores the three newest releases, flagging acme's crash regression", async () => {
    const releases = await loadOverviewReleases({ orgId: acme });
    if (releases.status !== "ok") throw new Error(releases.status);
    expect(releases.releases).toHaveLength(3);
    const dates = releases.releases.map((r) => Date.parse(r.dateReleased ?? ""));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const release of releases.releases) expect(release.crashFreeSessions.value).toBeGreaterThan(50);
    const regressed = releases.releases.find((r) => r.version === "2.14.0");
    expect(regressed).toMatchObject({ isRegression: true });
    expect(regressed?.reasons.join(" ")).toMatch(/crash-free/);
  }, 60_000);

  describe("what needs the viewer", () => {
    let grace: string;
    let linus: string;

    beforeAll(async () => {
      grace = (await db.user.findUniqueOrThrow({ where: { email: "grace@acme.test" } })).id;
      linus = (await db.user.findUniqueOrThrow({ where: { email: "linus@acme.test" } })).id;
      const write = (key: string, fields: object) => ({
        orgId: acme,
        service: "jira" as const,
        operation: "jira.createIssue",
        orderingKey: "jira:ACME",
        idempotencyKey: key,
        payload: { meta: { summary: `Create the bug for ${key}` } },
        actorType: "user" as const,
        ...fields,
      });
      const old = new Date(Date.now() - 30 * 86_400_000);
      await db.outboxIntent.createMany({
        data: [
          write("pending-grace", { actorId: grace }),
          write("failed-grace", { actorId: grace, status: "failed", completedAt: new Date(), lastError: "503" }),
          write("dead-linus", { actorId: linus, status: "dead", completedAt: new Date(), lastError: "400" }),
          write("failed-long-ago", { actorId: linus, status: "failed", completedAt: old }),
          write("done", { actorId: grace, status: "succeeded", completedAt: new Date() }),
          write("mail", { actorId: grace, service: "mail", operation: "mail.send" }),
          write("other-org", { orgId: globex, actorId: grace }),
        ],
      });
      await db.notification.createMany({
        data: [
          {
            orgId: acme,
            userId: grace,
            event: "critical_issue",
            title: "Critical: WEB-1",
            body: "b",
            link: "/acme/errors",
            dedupeKey: "a",
          },
          {
            orgId: acme,
            userId: grace,
            event: "rule_failed",
            title: "Rule failed",
            body: "b",
            link: "/acme/automations",
            dedupeKey: "b",
            readAt: new Date(),
          },
          {
            orgId: acme,
            userId: linus,
            event: "critical_issue",
            title: "Critical: WEB-1",
            body: "b",
            link: "/acme/errors",
            dedupeKey: "c",
          },
        ],
      });
      const evidence = { summary: "crash-free sessions fell to 97.1%", signals: [], release: "2.14.0" };
      await db.rollbackGate.createMany({
        data: [
          { orgId: acme, release: "2.14.0", environment: "production", evidence },
          { orgId: acme, release: "2.13.0", environment: "production", evidence, status: "dismissed" },
          { orgId: globex, release: "5.1.0", environment: "production", evidence },
        ],
      });
    });

    it("gives a manager the org's pending and recently failed writes, their unread notifications and open rollbacks", async () => {
      const attention = await loadOverviewAttention({ orgId: acme, userId: grace, role: "manager" });
      expect(attention.counts).toEqual({
        unreadNotifications: 1,
        pendingWrites: 1,
        failedWrites: 2,
        rollbacksAwaiting: 1,
      });
      expect(attention.writesScope).toBe("org");
      expect(attention.failedWrites.map((w) => w.status).sort()).toEqual(["dead", "failed"]);
      expect(attention.pendingWrites).toHaveLength(1);
      expect(attention.notifications.map((n) => n.title)).toEqual(["Critical: WEB-1"]);
      expect(attention.rollbacks).toEqual([
        expect.objectContaining({
          release: "2.14.0",
          environment: "production",
          summary: "crash-free sessions fell to 97.1%",
        }),
      ]);
    });

    it("gives a member only their own writes and no rollbacks to decide", async () => {
      const attention = await loadOverviewAttention({ orgId: acme, userId: linus, role: "member" });
      expect(attention.writesScope).toBe("own");
      expect(attention.counts).toEqual({
        unreadNotifications: 1,
        pendingWrites: 0,
        failedWrites: 1,
        rollbacksAwaiting: 0,
      });
      expect(attention.canDecideRollbacks).toBe(false);
      expect(attention.rollbacks).toEqual([]);
    });
  });

  it("says Jira and Sentry are not connected for an org without them, asking neither", async () => {
    await db.integrationConnection.deleteMany({ where: { orgId: globex, provider: { in: ["jira", "sentry"] } } });
    resetCounts();
    const [sprints, issues, releases] = await loadAll(globex);
    expect([sprints.status, issues.status, releases.status]).toEqual([
      "not-connected",
      "not-connected",
      "not-connected",
    ]);
    expect(upstreamRequests()).toBe(0);
  });
});
