import { beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { orgTimeZoneSetting } from "@/lib/domain/time";
import { updateCalendarSettingsAction } from "./calendar-actions";
import { calendarZones, getCalendarTimeZone } from "@/lib/features/settings";

/** The org's calendar zone, set through the real action against a real database. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_calendar",
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

describe("calendar settings", () => {
  let orgId: string;

  useSeededDatabase({ label: "calendarsettings" });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });

  const stored = async () =>
    orgTimeZoneSetting((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).settings);
  const audits = () => db.auditLog.findMany({ where: { orgId, action: "org.calendar_settings_updated" } });
  const save = (timeZone: string) => updateCalendarSettingsAction({ orgSlug: "acme", timeZone });

  it("offers UTC first and every zone the runtime knows, and reads UTC while none is saved", async () => {
    const zones = calendarZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Europe/Berlin");
    expect(new Set(zones).size).toBe(zones.length);
    expect(await getCalendarTimeZone({ orgId })).toBe("UTC");
  });

  it("a manager cannot change the zone", async () => {
    Object.assign(session, demoSession("grace"));
    expect(await save("Europe/Berlin")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not allow this/),
    });
    expect(await stored()).toBeUndefined();
    expect(await audits()).toEqual([]);
  });

  it("an outsider gets a 404 and changes nothing", async () => {
    Object.assign(session, demoSession("hedy"));
    await expect(save("Europe/Berlin")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    expect(await stored()).toBeUndefined();
  });

  it("refuses anything that is not a known zone, naming the field and storing nothing", async () => {
    Object.assign(session, demoSession("ada"));
    for (const zone of ["", "Mars/Olympus_Mons", "europe/berlin", "Europe/Berlin ", "x".repeat(65)]) {
      expect(await save(zone)).toMatchObject({ ok: false, fieldErrors: { timeZone: expect.any(String) } });
    }
    expect(
      await updateCalendarSettingsAction({ orgSlug: "acme" } as Parameters<typeof updateCalendarSettingsAction>[0]),
    ).toMatchObject({ ok: false, fieldErrors: { timeZone: expect.any(String) } });
    expect(await stored()).toBeUndefined();
  });

  it("an admin's zone is stored where the sprint dashboard reads it, audited once per change", async () => {
    Object.assign(session, demoSession("ada"));
    expect(await save("Europe/Berlin")).toEqual({ ok: true, data: { timeZone: "Europe/Berlin" } });
    expect(await stored()).toBe("Europe/Berlin");
    expect(await getCalendarTimeZone({ orgId })).toBe("Europe/Berlin");
    expect(await audits()).toMatchObject([
      {
        actorLabel: "ada@acme.test",
        summary: "Calendar time zone: UTC → Europe/Berlin",
        changes: { timeZone: { from: "UTC", to: "Europe/Berlin" } },
      },
    ]);

    // Saving the same zone again is not worth an audit entry; going back to UTC is.
    expect(await save("Europe/Berlin")).toMatchObject({ ok: true });
    expect(await audits()).toHaveLength(1);
    expect(await save("UTC")).toMatchObject({ ok: true });
    expect(await stored()).toBe("UTC");
    expect((await audits()).map((entry) => entry.changes)).toContainEqual({
      timeZone: { from: "Europe/Berlin", to: "UTC" },
    });
  });

  it("keeps other settings the org has saved", async () => {
    Object.assign(session, demoSession("ada"));
    await db.organization.update({ where: { id: orgId }, data: { settings: { severity: { highUserThreshold: 7 } } } });
    expect(await save("Asia/Tokyo")).toMatchObject({ ok: true });
    expect((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).settings).toMatchObject({
      severity: { highUserThreshold: 7 },
      timeZone: "Asia/Tokyo",
    });
  });
});
