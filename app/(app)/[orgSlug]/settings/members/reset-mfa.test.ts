import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { buildWorld } from "@/emulators/seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import * as actions from "./mfa-actions";
import * as mfa from "@/app/(auth)/mfa/actions";
import { db } from "@/lib/db/client";

/**
 * Resetting a member's two-step verification (Settings → Members), through
 * the real action, a real database and the WorkOS emulator holding the factors.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: session.user, sessionId: session.sessionId, organizationId: session.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const world = buildWorld();
const person = (key: string) => world.people.find((p) => p.key === key)!;
const signInAs = (key: string, org = "acme") => {
  session.user = { id: person(key).workosUserId, email: person(key).email };
  session.sessionId = `session_${key}_reset`;
  session.organizationId = world.orgs.find((o) => o.slug === org)!.workosOrgId;
};

describe("finding 2 (MFA): an admin resets a member's authenticator", () => {
  let workos: RunningWorkosEmulator;

  const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
  const factorsOf = (key: string) =>
    workos.store.authFactors.all().filter((f) => f.userId === person(key).workosUserId);
  const reset = async (email: string) =>
    actions.resetMemberMfaAction({ orgSlug: "acme", userId: await userId(email), idempotencyKey: randomUUID() });

  useSeededDatabase({ label: "resetmfa" });
  beforeAll(async () => {
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  });
  afterAll(async () => {
    restoreTestEnv();
    await workos.close();
  });

  it("removes the factor at WorkOS through the outbox, audits user.mfa_reset, unverifies the member's sessions, and lets them set up a new one", async () => {
    const barbaraId = await userId("barbara@acme.test");
    await db.userSession.create({
      data: {
        workosSessionId: "session_barbara_phone",
        userId: barbaraId,
        orgId: null,
        mfaVerified: true,
        mfaVerifiedAt: new Date(),
      },
    });
    expect(factorsOf("barbara")).toHaveLength(1);

    signInAs("ada");
    expect(await reset("barbara@acme.test")).toEqual({
      ok: true,
      data: {
        status: "succeeded",
        message:
          "Barbara Liskov's two-step verification was reset. They set up a new authenticator app the next time Bosun asks for a code.",
      },
    });
    expect(factorsOf("barbara")).toHaveLength(0);
    expect(
      await db.outboxIntent.findFirstOrThrow({ where: { operation: "workos.auth_factors.delete" } }),
    ).toMatchObject({ status: "succeeded" });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "user.mfa_reset" } })).toMatchObject({
      actorLabel: "ada@acme.test",
      targetType: "user",
      targetId: barbaraId,
      summary: "Reset the two-step verification of Barbara Liskov (barbara@acme.test)",
    });
    expect(
      await db.userSession.findUniqueOrThrow({ where: { workosSessionId: "session_barbara_phone" } }),
    ).toMatchObject({ mfaVerified: false, mfaVerifiedAt: null });

    signInAs("barbara");
    expect(await mfa.startMfaEnrolmentAction({ orgSlug: "acme" })).toMatchObject({
      ok: true,
      data: { secret: expect.any(String) },
    });
  });

  it("a manager cannot reset anyone", async () => {
    signInAs("grace");
    expect(await reset("linus@acme.test")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not allow this/),
    });
    expect(
      await db.outboxIntent.count({
        where: { operation: "workos.auth_factors.delete", actorId: await userId("grace@acme.test") },
      }),
    ).toBe(0);
  });

  it("an admin of one org cannot reset someone who is also in an org they do not administer", async () => {
    const response = await fetch(
      `${workos.url}/user_management/users/${person("margaret").workosUserId}/auth_factors`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${workos.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ type: "totp" }),
      },
    );
    expect(response.status).toBe(201);
    signInAs("ada");
    expect(await reset("margaret@acme.test")).toEqual({
      ok: false,
      error: expect.stringMatching(/also a member of Globex Shipping/),
    });
    expect(factorsOf("margaret")).toHaveLength(1);
  });

  it("needs a step-up when the org requires MFA", async () => {
    await db.organization.update({ where: { slug: "acme" }, data: { requireMfa: true } });
    try {
      signInAs("ada");
      await db.userSession.upsert({
        where: { workosSessionId: "session_ada_reset" },
        create: {
          workosSessionId: "session_ada_reset",
          userId: await userId("ada@acme.test"),
          mfaVerified: true,
          mfaVerifiedAt: new Date(Date.now() - 20 * 60_000),
        },
        update: { mfaVerified: true, mfaVerifiedAt: new Date(Date.now() - 20 * 60_000) },
      });
      expect(await reset("linus@acme.test")).toMatchObject({
        ok: false,
        stepUp: { url: "/mfa?org=acme&returnTo=%2Facme%2Fsettings%2Fmembers" },
      });
    } finally {
      await db.organization.update({ where: { slug: "acme" }, data: { requireMfa: false } });
    }
  });
});
