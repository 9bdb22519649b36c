import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { DEMO_TOTP_SECRET, buildWorld } from "@/emulators/seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator, totp } from "@/emulators/workos";
import * as actions from "./actions";
import * as page from "./page";
import { db } from "@/lib/db/client";

/**
 * Bosun's own TOTP step, through the real actions: a real database, the WorkOS
 * emulator holding the factors, and only the AuthKit session swapped in.
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
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, updateTag: () => undefined }));

const world = buildWorld();
const person = (key: string) => world.people.find((p) => p.key === key)!;
const acme = world.orgs.find((o) => o.slug === "acme")!;
const signInAs = (key: string, sessionId: string) => {
  session.user = { id: person(key).workosUserId, email: person(key).email };
  session.sessionId = sessionId;
  session.organizationId = acme.workosOrgId;
};

/** A six-digit code the factor does not accept now (the emulator takes the current step ±1). */
function wrongCode(secret: string): string {
  const valid = new Set([-30_000, 0, 30_000].map((offset) => totp(secret, Date.now() + offset)));
  return ["000000", "111111", "222222", "333333"].find((code) => !valid.has(code))!;
}

/** The path a redirect() thrown by an action points at. */
async function redirectTarget(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  const match = /^NEXT_REDIRECT;\w+;([^;]+);/.exec(error?.digest ?? "");
  if (!match) throw new Error(`expected a redirect, got ${String(error)}`);
  return match[1]!;
}

describe("Bosun's two-step verification", () => {
  let workos: RunningWorkosEmulator;

  /** Gives a demo person a TOTP factor at WorkOS, as if they had set one up earlier. */
  const enrolFactor = async (key: string, secret: string) => {
    const response = await fetch(`${workos.url}/user_management/users/${person(key).workosUserId}/auth_factors`, {
      method: "POST",
      headers: { authorization: `Bearer ${workos.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ type: "totp", totp_secret: secret }),
    });
    expect(response.status).toBe(201);
  };
  const factorsOf = (key: string) =>
    workos.store.authFactors.all().filter((f) => f.userId === person(key).workosUserId);
  const sessionRecord = (workosSessionId: string) => db.userSession.findUniqueOrThrow({ where: { workosSessionId } });
  const lockAudits = async (key: string) =>
    db.auditLog.findMany({ where: { action: "user.mfa_locked", actorLabel: person(key).email } });

  useSeededDatabase({ label: "mfa" });
  beforeAll(async () => {
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
  });
  afterAll(async () => {
    restoreTestEnv();
    await workos.close();
  });

  it("finding 2 (MFA): refuses to set up a second authenticator when the user already has one", async () => {
    signInAs("barbara", "session_barbara_enrol");
    const result = await actions.startMfaEnrolmentAction({ orgSlug: "acme" });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/already have an authenticator app.*ask an admin/i),
    });
    expect(factorsOf("barbara")).toHaveLength(1);
    expect((await sessionRecord("session_barbara_enrol")).mfaVerified).toBe(false);
  });

  it("finding 2 (MFA): a user without an authenticator sets one up, and that verifies the session", async () => {
    signInAs("donald", "session_donald_enrol");
    const started = await actions.startMfaEnrolmentAction({ orgSlug: "acme" });
    if (!started.ok) throw new Error(started.error);
    expect(
      await redirectTarget(
        actions.verifyMfaCodeAction({
          orgSlug: "acme",
          code: totp(started.data.secret),
          challengeId: started.data.challengeId,
        }),
      ),
    ).toBe("/acme");
    expect(factorsOf("donald")).toHaveLength(1);
    expect(await sessionRecord("session_donald_enrol")).toMatchObject({
      mfaVerified: true,
      mfaVerifiedAt: expect.any(Date),
    });
  });

  it("finding 2 (MFA): a session is verified by a code entered in Bosun, and the time is recorded", async () => {
    signInAs("barbara", "session_barbara_verify");
    const before = new Date();
    expect(await redirectTarget(actions.verifyMfaCodeAction({ orgSlug: "acme", code: totp(DEMO_TOTP_SECRET) }))).toBe(
      "/acme",
    );
    const record = await sessionRecord("session_barbara_verify");
    expect(record.mfaVerified).toBe(true);
    expect(record.mfaVerifiedAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    expect(await db.auditLog.count({ where: { action: "user.mfa_verified", actorLabel: "barbara@acme.test" } })).toBe(
      1,
    );
  });

  it("finding 2 (MFA): the 6th code within 15 minutes in one session is refused with the lockout message, even a right one, and the lockout is audited", async () => {
    const secret = "KRUGS4ZANFZSAYLOEBZWKY3SMV2A";
    await enrolFactor("linus", secret);
    signInAs("linus", "session_linus_a");
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await actions.verifyMfaCodeAction({ orgSlug: "acme", code: wrongCode(secret) });
      answers.push(result && !result.ok ? result.error : "verified");
    }
    expect(answers.slice(0, 4)).toEqual(
      Array(4).fill("That code is not right. Check the time on your device and try the current code."),
    );
    expect(answers[4]).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);

    const sixth = await actions.verifyMfaCodeAction({ orgSlug: "acme", code: totp(secret) });
    expect(sixth).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Too many attempts\. Try again in \d+ minutes?\.$/),
    });
    expect((await sessionRecord("session_linus_a")).mfaVerified).toBe(false);
    const audits = await lockAudits("linus");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorType: "user",
      targetType: "user",
      result: "failure",
      summary: expect.stringMatching(/locked.*5 incorrect codes/i),
    });

    // Once the failures are older than the window, the right code works again.
    await db.mfaAttempt.updateMany({
      where: { workosSessionId: "session_linus_a" },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    expect(await redirectTarget(actions.verifyMfaCodeAction({ orgSlug: "acme", code: totp(secret) }))).toBe("/acme");
  });

  it("finding 2 (MFA): wrong codes count per user across sessions, so a new session cannot start the count over", async () => {
    const secret = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE";
    await enrolFactor("grace", secret);
    for (const [sessionId, tries] of [
      ["session_grace_a", 3],
      ["session_grace_b", 2],
    ] as const) {
      signInAs("grace", sessionId);
      for (let i = 0; i < tries; i++)
        expect(await actions.verifyMfaCodeAction({ orgSlug: "acme", code: wrongCode(secret) })).toMatchObject({
          ok: false,
        });
    }
    signInAs("grace", "session_grace_c");
    expect(await actions.verifyMfaCodeAction({ orgSlug: "acme", code: totp(secret) })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Too many attempts\. Try again in \d+ minutes?\.$/),
    });
    expect((await sessionRecord("session_grace_c")).mfaVerified).toBe(false);
    expect(await lockAudits("grace")).toHaveLength(1);
  });

  it("finding 2 (MFA): a verified session can verify again for a step-up and returns only to a path on this site", async () => {
    signInAs("barbara", "session_barbara_stepup");
    await actions.verifyMfaCodeAction({ orgSlug: "acme", code: totp(DEMO_TOTP_SECRET) }).catch(() => undefined);
    const first = (await sessionRecord("session_barbara_stepup")).mfaVerifiedAt!;
    await db.userSession.update({
      where: { workosSessionId: "session_barbara_stepup" },
      data: { mfaVerifiedAt: new Date(first.getTime() - 20 * 60_000) },
    });

    // Without a returnTo a verified session has nothing to do on /mfa; with one it is asked for a code again.
    expect(await redirectTarget(page.default({ searchParams: Promise.resolve({ org: "acme" }) }))).toBe("/acme");
    const rendered = await page.default({
      searchParams: Promise.resolve({ org: "acme", returnTo: "/acme/sprints/plan" }),
    });
    expect(JSON.stringify(rendered)).toContain("/acme/sprints/plan");

    // The emulator accepts each TOTP step once per challenge, and every attempt has its own challenge.
    expect(
      await redirectTarget(
        actions.verifyMfaCodeAction({
          orgSlug: "acme",
          code: totp(DEMO_TOTP_SECRET),
          returnTo: "/acme/sprints/plan?board=1",
        }),
      ),
    ).toBe("/acme/sprints/plan?board=1");
    expect((await sessionRecord("session_barbara_stepup")).mfaVerifiedAt!.getTime()).toBeGreaterThan(
      first.getTime() - 60_000,
    );
    for (const unsafe of [
      "//evil.example/acme",
      "https://evil.example/acme",
      "/\\evil.example",
      "javascript:alert(1)",
      "acme/sprints",
    ]) {
      expect(
        await redirectTarget(
          actions.verifyMfaCodeAction({ orgSlug: "acme", code: totp(DEMO_TOTP_SECRET), returnTo: unsafe }),
        ),
        unsafe,
      ).toBe("/acme");
    }
  });

  it("fuzz: a wrongly typed field is refused under its own name, and a missing input is refused, not thrown", async () => {
    signInAs("barbara", "session_barbara_fuzz");
    const refusal = await actions.verifyMfaCodeAction({
      orgSlug: "acme",
      code: "123456",
      challengeId: null as unknown as string,
    });
    expect(refusal).toMatchObject({ ok: false, fieldErrors: { challengeId: expect.any(String) } });
    expect(refusal).not.toHaveProperty("fieldErrors.code");
    expect(await actions.verifyMfaCodeAction(null as never)).toMatchObject({
      ok: false,
      fieldErrors: { input: expect.any(String) },
    });
    expect(await actions.startMfaEnrolmentAction(null as never)).toMatchObject({
      ok: false,
      fieldErrors: { orgSlug: expect.any(String) },
    });
  });

  it("fuzz: text PostgreSQL cannot store (a NUL character) is refused naming the field, not a failed query", async () => {
    signInAs("barbara", "session_barbara_fuzz_nul");
    expect(
      await actions.verifyMfaCodeAction({ orgSlug: "acme", code: "123456", connectionId: "\u0000" }),
    ).toMatchObject({ ok: false, fieldErrors: { connectionId: "must not contain NUL characters" } });
    expect(await actions.verifyMfaCodeAction({ orgSlug: "ac\u0000me", code: "123456" })).toMatchObject({
      ok: false,
      fieldErrors: { orgSlug: "must not contain NUL characters" },
    });
    expect(await actions.startMfaEnrolmentAction({ orgSlug: "ac\u0000me" })).toMatchObject({
      ok: false,
      fieldErrors: { orgSlug: "must not contain NUL characters" },
    });
  });
});
