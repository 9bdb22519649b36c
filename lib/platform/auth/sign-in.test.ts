import { UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { buildWorld } from "@/emulators/seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import { db } from "@/lib/db/client";

describe("completeSignIn", () => {
  let workos: RunningWorkosEmulator;

  useSeededDatabase({ label: "signin" });
  beforeAll(async () => {
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  });
  afterAll(async () => {
    restoreTestEnv();
    await workos.close();
  });

  it("records the sign-in in every org the user belongs to, with a request id", async () => {
    const margaret = buildWorld().people.find((p) => p.key === "margaret");
    if (!margaret) throw new Error("margaret is missing from the demo world");
    const { completeSignIn } = await import("./sign-in");
    await completeSignIn({
      id: margaret.workosUserId,
      email: margaret.email,
      firstName: "Margaret",
      lastName: "Hamilton",
    });

    const user = await db.user.findUniqueOrThrow({ where: { workosUserId: margaret.workosUserId } });
    expect(user.lastSignInAt).not.toBeNull();
    const entries = await db.auditLog.findMany({
      where: { action: "user.signed_in" },
      include: { org: { select: { slug: true } } },
    });
    expect(entries.map((e) => e.org.slug).sort()).toEqual(["acme", "globex"]);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actorType: "user",
        actorId: user.id,
        actorLabel: "margaret@acme.test",
        targetType: "user",
        targetId: user.id,
        summary: "Margaret Hamilton signed in",
        result: "success",
      });
      expect(entry.requestId).toMatch(/^[\w-]{8,}$/);
    }
  });

  it("finding 2 (MFA): owning an authenticator does not make a new session verified; only a code entered in Bosun does", async () => {
    const barbara = buildWorld().people.find((p) => p.key === "barbara");
    if (!barbara) throw new Error("barbara is missing from the demo world");
    // barbara owns a TOTP factor in the emulated WorkOS; an SSO or magic-link sign-in would skip it there.
    expect(workos.store.authFactors.all().some((f) => f.userId === barbara.workosUserId)).toBe(true);
    const accessToken = new UnsecuredJWT({ sid: "session_barbara_sso" }).setSubject(barbara.workosUserId).encode();
    const { completeSignIn } = await import("./sign-in");
    await completeSignIn(
      { id: barbara.workosUserId, email: barbara.email, firstName: "Barbara", lastName: "Liskov" },
      accessToken,
    );

    const session = await db.userSession.findUniqueOrThrow({ where: { workosSessionId: "session_barbara_sso" } });
    expect(session).toMatchObject({ mfaVerified: false, revokedAt: null });
  });
});
