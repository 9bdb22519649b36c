import { describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { notify } from "@/lib/features/notifications";
import * as actions from "./actions";
import { GET as follow } from "./[id]/route";
import { POST as oneClick } from "@/app/unsubscribe/[token]/one-click/route";
import { GET as unreadCount } from "@/app/api/orgs/[orgSlug]/notifications/unread/route";

/** The notifications page's actions, its follow-a-link route and the unsubscribe link, as their callers use them. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_notifications",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  updateTag: () => undefined,
  revalidateTag: () => undefined,
}));
describe("notifications actions and routes", () => {
  useSeededDatabase({ label: "notifyactions" });

  const userOf = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
  const acme = () => db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
  let key = 0;
  const notifyLinus = async (link = "/acme/errors/4711/investigation") => {
    const org = await acme();
    const linus = await userOf("linus@acme.test");
    await notify({
      orgId: org.id,
      event: "rule_failed",
      recipients: { userIds: [linus.id] },
      title: "Automation failed",
      body: "It failed.",
      link,
      dedupeKey: `test:${++key}`,
    });
    return db.notification.findFirstOrThrow({ where: { userId: linus.id, dedupeKey: `test:${key}` } });
  };
  const get = (id: string, slug = "acme") =>
    follow(new Request(`http://bosun.test/${slug}/notifications/${id}`), {
      params: Promise.resolve({ orgSlug: slug, id }),
    });

  it("following a notification marks it read and redirects to its link", async () => {
    Object.assign(session, demoSession("linus"));
    const notification = await notifyLinus();
    const response = await get(notification.id);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://bosun.test/acme/errors/4711/investigation");
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt).not.toBeNull();
  });

  it("gives someone else's notification a 404 and leaves it unread", async () => {
    const notification = await notifyLinus();
    Object.assign(session, demoSession("grace"));
    expect((await get(notification.id)).status).toBe(404);
    Object.assign(session, demoSession("hedy"));
    expect((await get(notification.id, "globex")).status).toBe(404);
    expect((await get(notification.id, "acme")).status).toBe(404);
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt).toBeNull();
  });

  it("never redirects outside the org, even to a link stored some other way", async () => {
    Object.assign(session, demoSession("linus"));
    const notification = await notifyLinus();
    await db.notification.update({ where: { id: notification.id }, data: { link: "//evil.example/acme/" } });
    const response = await get(notification.id);
    expect(response.headers.get("location")).toBe("http://bosun.test/acme/notifications");
  });

  it("answers the caller's own unread count to the header's poll, and 404 outside their org", async () => {
    Object.assign(session, demoSession("linus"));
    await notifyLinus();
    const linus = await userOf("linus@acme.test");
    const unread = await db.notification.count({ where: { userId: linus.id, readAt: null } });
    const ask = (slug: string) =>
      unreadCount(new Request(`http://bosun.test/api/orgs/${slug}/notifications/unread`), {
        params: Promise.resolve({ orgSlug: slug }),
      });
    expect(await (await ask("acme")).json()).toEqual({ unread });
    expect((await ask("globex")).status).toBe(404);
  });

  it("marks only the caller's own notifications read", async () => {
    const mine = await notifyLinus();
    Object.assign(session, demoSession("grace"));
    expect(await actions.markNotificationsReadAction({ orgSlug: "acme", ids: [mine.id] })).toEqual({
      ok: true,
      data: { changed: 0 },
    });
    Object.assign(session, demoSession("linus"));
    expect(await actions.markNotificationsReadAction({ orgSlug: "acme", ids: "all" })).toMatchObject({ ok: true });
    const linus = await userOf("linus@acme.test");
    expect(await db.notification.count({ where: { userId: linus.id, readAt: null } })).toBe(0);
  });

  it("saves a person's preferences and names the field that is wrong", async () => {
    Object.assign(session, demoSession("linus"));
    const input = {
      orgSlug: "acme",
      channels: { critical_issue: "in_app" as const },
      timeZone: "Europe/Berlin",
      quietStart: "22:00",
      quietEnd: "07:00",
      digestOnly: false,
      weeklyDigest: true,
      unsubscribed: false,
    };
    expect(await actions.saveNotificationPreferencesAction(input)).toEqual({ ok: true, data: null });
    const linus = await userOf("linus@acme.test");
    expect(await db.notificationPreference.findFirstOrThrow({ where: { userId: linus.id } })).toMatchObject({
      timeZone: "Europe/Berlin",
      quietStart: "22:00",
      channels: { critical_issue: "in_app" },
    });
    expect(await actions.saveNotificationPreferencesAction({ ...input, timeZone: "Mars/Olympus" })).toMatchObject({
      ok: false,
      fieldErrors: { timeZone: expect.any(String) },
    });
  });

  it("lets only admins set the org's defaults, audited", async () => {
    const input = {
      orgSlug: "acme",
      channels: { rule_failed: "email" as const },
      digestOnly: false,
      weeklyDigest: true,
    };
    Object.assign(session, demoSession("linus"));
    expect(await actions.saveOrgNotificationDefaultsAction(input)).toMatchObject({ ok: false });
    Object.assign(session, demoSession("ada"));
    expect(await actions.saveOrgNotificationDefaultsAction(input)).toEqual({ ok: true, data: null });
    const org = await acme();
    expect((org.settings as { notifications?: unknown }).notifications).toMatchObject({
      channels: { rule_failed: "email" },
    });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "settings.notifications_updated" } })).toBe(1);
  });

  it("watches and unwatches, in the caller's org only", async () => {
    Object.assign(session, demoSession("linus"));
    expect(
      await actions.setWatchAction({ orgSlug: "acme", targetType: "release", targetId: "2.14.0", watching: true }),
    ).toEqual({ ok: true, data: { watching: true } });
    const linus = await userOf("linus@acme.test");
    expect(await db.watch.count({ where: { userId: linus.id, targetId: "2.14.0" } })).toBe(1);
    expect(
      await actions.setWatchAction({ orgSlug: "acme", targetType: "release", targetId: "2.14.0", watching: false }),
    ).toEqual({ ok: true, data: { watching: false } });
    expect(await db.watch.count({ where: { userId: linus.id } })).toBe(0);
    await expect(
      actions.setWatchAction({ orgSlug: "globex", targetType: "release", targetId: "2.14.0", watching: true }),
    ).rejects.toThrow();
  });

  it("unsubscribes by the link's token with one click, signed out, and refuses an unknown token", async () => {
    Object.assign(session, { user: null, organizationId: undefined });
    const linus = await userOf("linus@acme.test");
    const org = await acme();
    const preference = await db.notificationPreference.upsert({
      where: { orgId_userId: { orgId: org.id, userId: linus.id } },
      create: { orgId: org.id, userId: linus.id, unsubscribeToken: "t".repeat(43) },
      update: { unsubscribedAt: null },
    });
    const post = (token: string) =>
      oneClick(new Request(`http://bosun.test/unsubscribe/${token}/one-click`, { method: "POST" }), {
        params: Promise.resolve({ token }),
      });
    expect((await post("u".repeat(43))).status).toBe(404);
    expect((await post(preference.unsubscribeToken)).status).toBe(200);
    expect(
      (await db.notificationPreference.findUniqueOrThrow({ where: { id: preference.id } })).unsubscribedAt,
    ).not.toBeNull();
  });
});
