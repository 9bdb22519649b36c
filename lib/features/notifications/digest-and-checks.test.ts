import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningMailEmulator, startMailEmulator } from "@/emulators/mail";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { sendWeeklyDigests } from "./digest-job";
import { loadWeeklyDigest } from "./digest";
import { notifyRuleFailed } from "./rule-events";
import { notifySprintOverCapacity } from "./sprint-events";
import { notifyStuckWrites } from "./stuck-writes";

/**
 * The Monday digest and the periodic checks against a real database, the
 * emulated Jira and Sentry the digest reads, and the real SMTP catcher.
 * "Now" is passed in: Monday 2030-01-07 08:05 UTC.
 */
describe("weekly digest and periodic checks", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let mail: RunningMailEmulator;
  const monday = new Date("2030-01-07T08:05:00Z");

  beforeAll(async () => {
    [jira, sentry, mail] = await Promise.all([
      startJiraEmulator({ port: 0 }),
      startSentryEmulator({ port: 0 }),
      startMailEmulator({ smtpPort: 0, httpPort: 0 }),
    ]);
    setTestEnv({ SMTP_URL: mail.smtpUrl, BOSUN_PUBLIC_URL: "https://bosun.example.test" });
  });
  afterAll(async () => {
    restoreTestEnv();
    await Promise.all([jira?.close(), sentry?.close(), mail?.close()]);
  });
  useSeededDatabase({ label: "digest", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });

  let orgId: string;
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  beforeEach(() => mail.store.clearMessages());

  const userOf = (email: string) => db.user.findUniqueOrThrow({ where: { email } });

  it("builds a person's week with every section, whatever the services answer", async () => {
    const linus = await userOf("linus@acme.test");
    const digest = await loadWeeklyDigest({ orgId, userId: linus.id, now: new Date() });
    expect(digest).not.toBeNull();
    expect(digest?.recipientName).toBe(linus.name);
    expect(digest?.pending.link).toBe("/acme/automations");
    // Each section either has content or says why not, never both empty.
    expect(digest?.sprint.status === "ok" || digest?.sprint.message).toBeTruthy();
    expect(digest!.errors.items.length > 0 || digest!.errors.message).toBeTruthy();
    expect(digest!.releases.items.length > 0 || digest!.releases.message).toBeTruthy();
  });

  it("sends each member one digest on their Monday morning, and none to someone whose Monday has not come", async () => {
    const linus = await userOf("linus@acme.test");
    const grace = await userOf("grace@acme.test");
    await db.notificationPreference.upsert({
      where: { orgId_userId: { orgId, userId: grace.id } },
      create: { orgId, userId: grace.id, unsubscribeToken: "g".repeat(43), timeZone: "America/New_York" },
      update: { timeZone: "America/New_York" },
    });
    const members = await db.membership.count({ where: { orgId, status: "active", user: { erasedAt: null } } });

    // Ken first shows up on that Monday morning, after 08:00: his first digest is next week's.
    const ken = await userOf("ken@acme.test");
    await db.notificationPreference.upsert({
      where: { orgId_userId: { orgId, userId: ken.id } },
      create: { orgId, userId: ken.id, unsubscribeToken: "k".repeat(43), createdAt: new Date("2030-01-07T08:01:00Z") },
      update: { createdAt: new Date("2030-01-07T08:01:00Z") },
    });

    // Everyone else is recorded by this pass (today, long before the 2030 slot), so theirs is due.
    const sent = await sendWeeklyDigests({ orgId, now: monday });
    expect(sent).toBe(members - 2);
    expect(mail.store.listMessages().filter((m) => m.to.includes(ken.email))).toHaveLength(0);
    const caught = mail.store.listMessages();
    expect(caught.filter((m) => m.to.includes(linus.email))).toHaveLength(1);
    expect(caught.filter((m) => m.to.includes(grace.email))).toHaveLength(0);
    const linusDigest = caught.find((m) => m.to.includes(linus.email));
    expect(linusDigest?.subject).toContain("Your week in Bosun");
    expect(linusDigest?.text).toContain("Your sprint");
    expect(linusDigest?.text).toContain("Release scorecards");
    expect(linusDigest?.text).toMatch(/\/unsubscribe\/[\w-]+/);

    // Run again in the same hour: nobody gets a second one.
    mail.store.clearMessages();
    expect(await sendWeeklyDigests({ orgId, now: new Date(monday.getTime() + 15 * 60_000) })).toBe(0);
    // 08:05 in New York is 13:05 UTC: now it is Grace's turn.
    expect(await sendWeeklyDigests({ orgId, now: new Date("2030-01-07T13:05:00Z") })).toBe(1);
    expect(mail.store.listMessages().map((m) => m.to)).toEqual([[grace.email]]);
  });

  it("tells the person who asked and the admins, once, about a write pending for over an hour", async () => {
    const linus = await userOf("linus@acme.test");
    const intent = await db.outboxIntent.create({
      data: {
        orgId,
        service: "jira",
        operation: "jira.issue.comment",
        orderingKey: "jira:ACME-1",
        idempotencyKey: `stuck-test-${Date.now()}`,
        payload: {},
        actorType: "user",
        actorId: linus.id,
        lastError: "503: Service unavailable",
        createdAt: new Date(Date.now() - 2 * 60 * 60_000),
      },
    });
    try {
      const admins = await db.membership.count({ where: { orgId, role: "admin", status: "active" } });
      expect(await notifyStuckWrites({ orgId, now: new Date() })).toBe(admins + 1);
      expect(await notifyStuckWrites({ orgId, now: new Date() })).toBe(0);
      // A stuck e-mail is not reported (by e-mail, it would only queue more behind it).
      const mail = await db.outboxIntent.create({
        data: {
          orgId,
          service: "mail",
          operation: "mail.send",
          orderingKey: `mail:${linus.id}`,
          idempotencyKey: `stuck-mail-${Date.now()}`,
          payload: {},
          actorType: "system",
          createdAt: new Date(Date.now() - 2 * 60 * 60_000),
        },
      });
      expect(await notifyStuckWrites({ orgId, now: new Date() })).toBe(0);
      await db.outboxIntent.delete({ where: { id: mail.id } });
      const mine = await db.notification.findFirstOrThrow({ where: { userId: linus.id, event: "write_stuck" } });
      expect(mine).toMatchObject({ link: "/acme/automations", dedupeKey: `write_stuck:${intent.id}` });
      expect(mine.body).toContain("503: Service unavailable");
    } finally {
      await db.outboxIntent.delete({ where: { id: intent.id } });
    }
  });

  it("tells a failed rule's creator and the admins, once per run", async () => {
    const grace = await userOf("grace@acme.test");
    const admins = await db.membership.count({ where: { orgId, role: "admin", status: "active" } });
    const rule = { id: "rule_x", name: "Sentry → Jira", createdById: grace.id };
    expect(await notifyRuleFailed({ orgId, rule, runId: "run_1", message: "Jira answered 400" })).toEqual({
      notified: admins + 1,
    });
    expect(await notifyRuleFailed({ orgId, rule, runId: "run_1", message: "again" })).toEqual({ notified: 0 });
    expect(await db.notification.findFirstOrThrow({ where: { userId: grace.id, event: "rule_failed" } })).toMatchObject(
      { title: "Automation “Sentry → Jira” failed", link: "/acme/automations?run=run_1" },
    );
  });

  it("tells the managers once when a sprint draft leaves work out for lack of capacity", async () => {
    const managers = await db.membership.findMany({
      where: { orgId, role: "manager", status: "active" },
      select: { userId: true },
    });
    const draft = {
      orgId,
      board: { id: 1, name: "ACME board" },
      sprintName: "Sprint 43",
      plannedPoints: 38,
      limitPoints: 40,
    };
    await notifySprintOverCapacity({ ...draft, leftOut: [] });
    expect(await db.notification.count({ where: { orgId, event: "sprint_over_capacity" } })).toBe(0);
    const leftOut = [
      { key: "ACME-7", points: 5 },
      { key: "ACME-9", points: null },
    ];
    await notifySprintOverCapacity({ ...draft, leftOut });
    await notifySprintOverCapacity({ ...draft, leftOut });
    const stored = await db.notification.findMany({ where: { orgId, event: "sprint_over_capacity" } });
    expect(stored.map((n) => n.userId).sort()).toEqual(managers.map((m) => m.userId).sort());
    expect(stored[0]).toMatchObject({ title: "Sprint 43 on ACME board is over capacity", link: "/acme/sprints/plan" });
    expect(stored[0]?.body).toContain("2 more issues (5 points: ACME-7, ACME-9)");
  });
});
