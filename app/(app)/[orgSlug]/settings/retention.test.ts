import { describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import * as actions from "./actions";

/** The org's retention windows, set through the real action against a real database. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_retention",
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

describe("retention settings", () => {
  useSeededDatabase({ label: "retentionsettings" });

  const stored = async () =>
    ((await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).settings as Record<string, unknown> | null)
      ?.retention;

  it("an admin sets the windows, audited with before and after; out-of-range values are refused naming the field", async () => {
    Object.assign(session, demoSession("ada"));
    const input = { orgSlug: "acme", deliveryPayloadDays: 14, automationRunDays: 90, finishedWriteDays: 180 };
    expect(await actions.updateRetentionSettingsAction(input)).toEqual({
      ok: true,
      data: { deliveryPayloadDays: 14, automationRunDays: 90, finishedWriteDays: 180 },
    });
    expect(await stored()).toEqual({ deliveryPayloadDays: 14, automationRunDays: 90, finishedWriteDays: 180 });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "org.retention_updated" } })).toMatchObject({
      actorLabel: "ada@acme.test",
      summary: "Retention: deliveryPayloadDays 30 → 14 days, finishedWriteDays 90 → 180 days",
      changes: { deliveryPayloadDays: { from: 30, to: 14 }, finishedWriteDays: { from: 90, to: 180 } },
    });

    for (const [field, value] of [
      ["deliveryPayloadDays", 6],
      ["automationRunDays", 731],
      ["finishedWriteDays", 20.5],
    ] as const) {
      expect(await actions.updateRetentionSettingsAction({ ...input, [field]: value })).toMatchObject({
        ok: false,
        fieldErrors: { [field]: expect.any(String) },
      });
    }
    const { finishedWriteDays: _missing, ...withoutOne } = input;
    expect(await actions.updateRetentionSettingsAction(withoutOne as typeof input)).toMatchObject({
      ok: false,
      fieldErrors: { finishedWriteDays: expect.any(String) },
    });
    expect(await stored()).toEqual({ deliveryPayloadDays: 14, automationRunDays: 90, finishedWriteDays: 180 });
  });

  it("a member cannot change retention", async () => {
    Object.assign(session, demoSession("linus"));
    expect(
      await actions.updateRetentionSettingsAction({
        orgSlug: "acme",
        deliveryPayloadDays: 7,
        automationRunDays: 14,
        finishedWriteDays: 14,
      }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/does not allow this/) });
    expect(await stored()).toEqual({ deliveryPayloadDays: 14, automationRunDays: 90, finishedWriteDays: 180 });
  });
});
