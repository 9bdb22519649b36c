import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningMailEmulator, startMailEmulator } from "@/emulators/mail";
import { db } from "@/lib/db/client";
import { savePreference } from "@/lib/db/queries/notification-preferences";
import { setWatching } from "@/lib/db/queries/watches";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { sendEmailBatches } from "./batch-job";
import { notify } from "./notify";
import { notifyReleaseRegressions } from "./release-events";

/**
 * notify and the e-mail batch against a real database and the real SMTP
 * catcher: who gets what, one e-mail per person per window, and nothing by
 * e-mail for someone who unsubscribed. Time is passed in, never waited for.
 */
describe("notifications", () => {
  let mail: RunningMailEmulator;
  beforeAll(async () => {
    mail = await startMailEmulator({ smtpPort: 0, httpPort: 0 });
    setTestEnv({ SMTP_URL: mail.smtpUrl, BOSUN_PUBLIC_URL: "https://bosun.example.test" });
  });
  afterAll(async () => {
    restoreTestEnv();
    await mail.close();
  });
  useSeededDatabase({ label: "notify" });

  let orgId: string;
  type Person = { id: string; email: string };
  let members: Person[];
  /** The i-th seeded member (the seed has more than enough). */
  const member = (i: number) => members[i] as Person;
  let key = 0;
  const nextKey = () => `test:${++key}`;
  const base = () => ({
    orgId,
    event: "critical_issue" as const,
    title: "New Critical issue: TypeError in checkout",
    body: "TypeError: cannot read 'total' of undefined, 812 users in the last hour.",
    link: "/acme/errors/4711",
  });
  const inbox = (userId: string) => db.notification.findMany({ where: { orgId, userId } });
  const messagesTo = (email: string) => mail.store.listMessages().filter((m) => m.to.includes(email));

  beforeAll(async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    orgId = org.id;
    const memberships = await db.membership.findMany({
      where: { orgId, role: "member", status: "active" },
      select: { user: { select: { id: true, email: true } } },
      orderBy: { createdAt: "asc" },
      take: 6,
    });
    members = memberships.map((m) => m.user);
  });
  beforeEach(async () => {
    mail.store.clearMessages();
    await db.notification.deleteMany({ where: { orgId } });
    await db.notificationPreference.deleteMany({ where: { orgId } });
  });

  it("notifies the named person only, in the inbox and by one e-mail", async () => {
    const [owner, other] = [member(0), member(1)];
    const result = await notify({ ...base(), recipients: { userIds: [owner.id] }, dedupeKey: nextKey() });
    expect(result).toEqual({ notified: 1, emailed: 1 });
    expect(await inbox(owner.id)).toHaveLength(1);
    expect(await inbox(other.id)).toHaveLength(0);

    const outcome = await sendEmailBatches({ orgId, now: new Date() });
    expect(outcome.sent).toBe(1);
    const caught = mail.store.listMessages();
    expect(caught).toHaveLength(1);
    expect(caught[0]?.to).toEqual([owner.email]);
    expect(caught[0]?.subject).toContain("New Critical issue: TypeError in checkout");
    expect(caught[0]?.text).toContain("https://bosun.example.test/acme/errors/4711");
    expect(caught[0]?.text).toMatch(/https:\/\/bosun\.example\.test\/unsubscribe\/[\w-]{40,}/);
    expect(caught[0]?.listUnsubscribe).toMatch(/^<https:\/\/bosun\.example\.test\/unsubscribe\/[\w-]+\/one-click>$/);
    expect(caught[0]?.messageId).toMatch(/@notifications\.bosun>$/);
    // The e-mail is an audited outbox write.
    const intent = await db.outboxIntent.findFirstOrThrow({ where: { orgId, operation: "mail.send" } });
    expect(intent.status).toBe("succeeded");
    expect(await db.auditLog.count({ where: { orgId, action: { contains: "mail.send" } } })).toBeGreaterThan(0);
  });

  it("gives a person one notification per dedupe key however often it is reported", async () => {
    const owner = member(0);
    const dedupeKey = nextKey();
    await notify({ ...base(), recipients: { userIds: [owner.id] }, dedupeKey });
    const again = await notify({ ...base(), recipients: { userIds: [owner.id], roles: ["member"] }, dedupeKey });
    expect(await inbox(owner.id)).toHaveLength(1);
    // Everyone else with the role is new under the key.
    expect(again.notified).toBeGreaterThan(0);
  });

  it("sends at most one e-mail per person per batch window in an alert storm of 500", async () => {
    const people = members.slice(0, 3);
    const t0 = new Date("2030-01-07T10:00:00Z");
    const passes: Date[] = [];
    for (let i = 0; i < 500; i++) {
      await notify({
        ...base(),
        title: `Alert ${i}`,
        recipients: { userIds: people.map((p) => p.id) },
        dedupeKey: nextKey(),
      });
      // A batch pass each "minute" of the storm (every 50 alerts), as the scheduler would run.
      if (i % 50 === 49) {
        const now = new Date(t0.getTime() + passes.length * 60_000);
        passes.push(now);
        await sendEmailBatches({ orgId, now });
      }
    }
    // Ten passes over ten minutes: the first sends, the rest of the burst waits for the window.
    for (const person of people) expect(messagesTo(person.email)).toHaveLength(1);
    await sendEmailBatches({ orgId, now: new Date(t0.getTime() + 10 * 60_000) });
    for (const person of people) {
      const caught = messagesTo(person.email);
      expect(caught).toHaveLength(2);
      // The second lists everything that waited: 500 alerts minus the 50 of the first e-mail.
      expect(caught[1]?.subject).toContain("(+449 more)");
    }
    const pending = await db.notification.count({ where: { orgId, emailStatus: "pending" } });
    expect(pending).toBe(0);
  });

  it("sends an unsubscribed person nothing by e-mail, but keeps the inbox", async () => {
    const person = member(0);
    await savePreference({
      orgId,
      userId: person.id,
      channels: {},
      timeZone: "UTC",
      quietStart: null,
      quietEnd: null,
      digestOnly: false,
      weeklyDigest: true,
      unsubscribed: true,
    });
    const result = await notify({ ...base(), recipients: { userIds: [person.id] }, dedupeKey: nextKey() });
    expect(result).toEqual({ notified: 1, emailed: 0 });
    await sendEmailBatches({ orgId, now: new Date() });
    expect(messagesTo(person.email)).toHaveLength(0);
  });

  it("skips e-mails pending for someone who unsubscribed after they were stored", async () => {
    const person = member(0);
    await notify({ ...base(), recipients: { userIds: [person.id] }, dedupeKey: nextKey() });
    await db.notificationPreference.upsert({
      where: { orgId_userId: { orgId, userId: person.id } },
      create: { orgId, userId: person.id, unsubscribeToken: `t-${nextKey()}`, unsubscribedAt: new Date() },
      update: { unsubscribedAt: new Date() },
    });
    const outcome = await sendEmailBatches({ orgId, now: new Date() });
    expect(outcome.skipped).toBe(1);
    expect(messagesTo(person.email)).toHaveLength(0);
  });

  it("reaches watchers and roles, and never people outside the org or inactive", async () => {
    const [watcher, inactive] = [member(0), member(1)];
    await setWatching({ orgId, userId: watcher.id, targetType: "sentry_issue", targetId: "4711", watching: true });
    await setWatching({ orgId, userId: inactive.id, targetType: "sentry_issue", targetId: "4711", watching: true });
    await db.membership.update({
      where: { orgId_userId: { orgId, userId: inactive.id } },
      data: { status: "deactivated" },
    });
    const outsider = await db.membership.findFirstOrThrow({
      where: { org: { slug: "globex" }, user: { memberships: { none: { org: { slug: "acme" } } } } },
      select: { userId: true },
    });
    try {
      const result = await notify({
        ...base(),
        recipients: {
          userIds: [outsider.userId, "no-such-user"],
          watchersOf: [{ targetType: "sentry_issue", targetId: "4711" }],
        },
        dedupeKey: nextKey(),
      });
      expect(result.notified).toBe(1);
      expect(await inbox(watcher.id)).toHaveLength(1);
      expect(await db.notification.count({ where: { userId: outsider.userId } })).toBe(0);

      const admins = await db.membership.count({ where: { orgId, role: "admin", status: "active" } });
      const byRole = await notify({ ...base(), recipients: { roles: ["admin"] }, dedupeKey: nextKey() });
      expect(byRole.notified).toBe(admins);
    } finally {
      await db.membership.update({
        where: { orgId_userId: { orgId, userId: inactive.id } },
        data: { status: "active" },
      });
    }
  });

  it("follows each person's channel: off stores nothing, in-app stores no e-mail", async () => {
    const [quiet, inAppOnly] = [member(0), member(1)];
    const prefs = {
      timeZone: "UTC",
      quietStart: null,
      quietEnd: null,
      digestOnly: false,
      weeklyDigest: true,
      unsubscribed: false,
    };
    await savePreference({ orgId, userId: quiet.id, channels: { critical_issue: "off" }, ...prefs });
    await savePreference({ orgId, userId: inAppOnly.id, channels: { critical_issue: "in_app" }, ...prefs });
    const result = await notify({ ...base(), recipients: { userIds: [quiet.id, inAppOnly.id] }, dedupeKey: nextKey() });
    expect(result).toEqual({ notified: 1, emailed: 0 });
    expect(await inbox(quiet.id)).toHaveLength(0);
  });

  it("refuses a link outside the org", async () => {
    await expect(
      notify({ ...base(), link: "https://evil.test/acme/", recipients: { roles: ["admin"] }, dedupeKey: nextKey() }),
    ).rejects.toThrow(/link/);
    await expect(
      notify({ ...base(), link: "/globex/errors/1", recipients: { roles: ["admin"] }, dedupeKey: nextKey() }),
    ).rejects.toThrow(/link/);
  });

  it("does nothing for an org that does not exist", async () => {
    expect(
      await notify({ ...base(), orgId: "no-such-org", recipients: { roles: ["admin"] }, dedupeKey: nextKey() }),
    ).toEqual({
      notified: 0,
      emailed: 0,
    });
  });
  it("tells the managers and the release's watchers once of a regressed release, however often the check runs", async () => {
    const watcher = member(0);
    await setWatching({ orgId, userId: watcher.id, targetType: "release", targetId: "9.9.0", watching: true });
    const managers = await db.membership.findMany({ where: { orgId, role: "manager", status: "active" } });
    const scorecard = {
      version: "9.9.0",
      dateReleased: new Date(Date.now() - 86_400_000).toISOString(),
      comparedTo: "9.8.0",
      metrics: [],
      crashRegression: { isRegression: true, reason: "crash-free sessions 95.00% vs 99.50% in 9.8.0 (−4.50 points)" },
      performanceRegressions: [],
      isRegression: true,
      reasons: [],
    };
    const first = await notifyReleaseRegressions({ orgId, scorecards: [scorecard] });
    const again = await notifyReleaseRegressions({ orgId, scorecards: [scorecard] });
    expect(first.notified).toBe(managers.length + 1);
    expect(again.notified).toBe(0);
    const told = await db.notification.findMany({ where: { orgId, event: "release_regression" } });
    expect(told.map((n) => n.userId).sort()).toEqual([watcher.id, ...managers.map((m) => m.userId)].sort());
    expect(told[0]).toMatchObject({
      title: "Release 9.9.0 crashes more against 9.8.0",
      link: "/acme/releases/9.9.0",
      dedupeKey: "release_regression:9.9.0:crash_free",
    });
  });
});
