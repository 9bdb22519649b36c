import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { DEFAULT_SYNC_SETTINGS, SYNC_SETTINGS_KEY } from "@/lib/domain/sync";
import * as actions from "./sync-actions";

/** Saving the Jira–Sentry sync settings: admins only, validated by field, audited by change. */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_sync",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const signInAs = (key: string) => Object.assign(session, demoSession(key));

describe("sync settings", () => {
  useSeededDatabase({ label: "syncsettings" });
  let orgId: string;
  const stored = async () =>
    ((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).settings as Record<string, unknown>)[
      SYNC_SETTINGS_KEY
    ];
  const input = { ...DEFAULT_SYNC_SETTINGS, jiraStatusToSentry: true, resolveIn: "next_release" as const };

  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  beforeEach(() => {
    session.user = null;
  });

  it("an admin saves them; each changed field is audited", async () => {
    signInAs("ada");
    expect(await actions.saveSyncSettingsAction({ orgSlug: "acme", ...input })).toEqual({ ok: true, data: input });
    expect(await stored()).toEqual(input);
    const entry = await db.auditLog.findFirstOrThrow({ where: { orgId, action: "org.sync_settings_updated" } });
    expect(entry.changes).toEqual({
      jiraStatusToSentry: { from: false, to: true },
      resolveIn: { from: "now", to: "next_release" },
    });
  });

  it("names the field that is wrong, and lets no manager change them", async () => {
    signInAs("ada");
    const bad = await actions.saveSyncSettingsAction({ orgSlug: "acme", ...input, statusOrder: ["Done"] });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { statusOrder: "must list at least two statuses" } });
    signInAs("grace");
    const refused = await actions.saveSyncSettingsAction({ orgSlug: "acme", ...input, comments: true });
    expect(refused).toMatchObject({ ok: false });
    expect(await stored()).toEqual(input);
  });
});
