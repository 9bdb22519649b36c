import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { buildWorld } from "@/emulators/seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import { pseudonymFor } from "@/lib/domain/privacy/pseudonym";
import * as actions from "./erase-actions";
import * as users from "@/lib/db/system/users";
import * as events from "@/lib/features/directory/handle-workos-event";
import * as erasure from "@/lib/db/queries/erasure";
import { db } from "@/lib/db/client";

/**
 * Erasing a departed person's personal data (Settings → Members), through the
 * real action against a real, seeded database: what goes, what stays under a
 * pseudonym, and that nobody else's data is touched.
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
const signInAs = (key: string, org?: "acme" | "globex") => Object.assign(session, demoSession(key, org));

describe("erasing a departed person's personal data", () => {
  let workos: RunningWorkosEmulator;
  const ids = {} as Record<"acme" | "globex" | "ada" | "barbara" | "linus" | "margaret" | "ken" | "hedy", string>;

  const erase = (key: "barbara" | "linus" | "margaret", confirmEmail = person(key).email) =>
    actions.eraseDepartedMemberAction({ orgSlug: "acme", userId: ids[key], confirmEmail });
  const depart = (key: "barbara" | "margaret" | "ken") =>
    db.membership.update({
      where: { orgId_userId: { orgId: ids.acme, userId: ids[key] } },
      data: { status: "deactivated" },
    });
  const membershipOf = (key: keyof typeof ids, org: "acme" | "globex") =>
    db.membership.findUnique({ where: { orgId_userId: { orgId: ids[org], userId: ids[key] } } });

  /** What a person leaves behind in one org: time off with a note, a session and its code check, audit entries by and about them, writes, a run, a webhook, cached reads. */
  async function leaveTracesOf(key: "barbara" | "linus" | "margaret" | "ken", org: "acme" | "globex") {
    const { name, email } = person(key);
    const orgId = ids[org];
    const membership = (await membershipOf(key, org))!;
    const userId = ids[key];
    await db.availability.create({
      data: {
        orgId,
        membershipId: membership.id,
        startsOn: new Date("2026-12-21"),
        endsOn: new Date("2026-12-24"),
        note: `${name}: hospital appointment`,
      },
    });
    await db.userSession.create({
      data: {
        orgId,
        userId,
        workosSessionId: `session_${key}_${org}_laptop`,
        mfaVerified: true,
        mfaVerifiedAt: new Date(),
      },
    });
    await db.mfaAttempt.create({ data: { userId, workosSessionId: `session_${key}_${org}_laptop`, succeeded: true } });
    await db.auditLog.create({
      data: {
        orgId,
        actorType: "user",
        actorId: userId,
        actorLabel: email,
        action: "availability.created",
        targetType: "membership",
        targetId: membership.id,
        summary: "Added time off from 2026-12-21 to 2026-12-24",
      },
    });
    await db.auditLog.create({
      data: {
        orgId,
        actorType: "user",
        actorId: ids.ada,
        actorLabel: "ada@acme.test",
        action: "workos.membership.delete",
        targetType: "membership",
        targetId: membership.id,
        summary: `Removed ${name} (${email}) from ${org}`,
        changes: { diff: [{ field: "email", after: email }] },
      },
    });
    await db.outboxIntent.create({
      data: {
        orgId,
        service: "workos",
        operation: "workos.invitation.send",
        orderingKey: `invitation:${email}`,
        idempotencyKey: `invite:${key}:${org}`,
        status: "succeeded",
        actorType: "user",
        actorId: ids.ada,
        payload: { args: { email }, meta: { summary: `Invited ${email} as member`, actorLabel: "ada@acme.test" } },
        result: { email },
      },
    });
    await db.outboxIntent.create({
      data: {
        orgId,
        service: "workos",
        operation: "workos.invitation.send",
        orderingKey: `invitation:${email}:again`,
        idempotencyKey: `reinvite:${key}:${org}`,
        status: "pending",
        actorType: "user",
        actorId: ids.ada,
        payload: { args: { email }, meta: { summary: `Invited ${email} as member`, actorLabel: "ada@acme.test" } },
      },
    });
    await db.automationRun.create({
      data: {
        orgId,
        status: "succeeded",
        input: { pullRequest: { author: name, authorEmail: email } },
        decision: { assignee: name },
      },
    });
    await db.webhookDelivery.create({
      data: {
        orgId,
        source: "github",
        idempotencyKey: `push:${key}:${org}`,
        eventType: "push",
        status: "processed",
        payload: { pusher: { name, email } },
      },
    });
    await db.cacheEntry.create({
      data: {
        orgId,
        key: `jira:assigned:${key}`,
        value: { assignee: { displayName: name, emailAddress: email } },
        fetchedAt: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
  }

  /** Every text column of an org's rows that could hold a person's name or e-mail, as one lower-cased string per table. */
  async function textOf(orgId: string) {
    const [row] = await db.$queryRaw<
      { audit: string; outbox: string; runs: string; deliveries: string; cache: string }[]
    >`
      SELECT
        (SELECT lower(coalesce(string_agg("actorLabel" || ' ' || "summary" || ' ' || coalesce("changes"::text, ''), ' '), '')) FROM "AuditLog" WHERE "orgId" = ${orgId}) AS audit,
        (SELECT lower(coalesce(string_agg("payload"::text || ' ' || coalesce("result"::text, ''), ' ') FILTER (WHERE "status" <> 'pending'), '')) FROM "OutboxIntent" WHERE "orgId" = ${orgId}) AS outbox,
        (SELECT lower(coalesce(string_agg("input"::text || ' ' || coalesce("decision"::text, ''), ' '), '')) FROM "AutomationRun" WHERE "orgId" = ${orgId}) AS runs,
        (SELECT lower(coalesce(string_agg("payload"::text, ' '), '')) FROM "WebhookDelivery" WHERE "orgId" = ${orgId}) AS deliveries,
        (SELECT lower(coalesce(string_agg("value"::text, ' '), '')) FROM "CacheEntry" WHERE "orgId" = ${orgId}) AS cache`;
    return Object.values(row!).join(" ");
  }

  useSeededDatabase({ label: "erasure" });
  beforeAll(async () => {
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
    for (const org of ["acme", "globex"] as const)
      ids[org] = (await db.organization.findUniqueOrThrow({ where: { slug: org } })).id;
    for (const key of ["ada", "barbara", "linus", "margaret", "ken", "hedy"] as const)
      ids[key] = (await db.user.findUniqueOrThrow({ where: { email: person(key).email } })).id;
    await leaveTracesOf("barbara", "acme");
    await leaveTracesOf("linus", "acme");
    await leaveTracesOf("margaret", "acme");
    await leaveTracesOf("margaret", "globex");
    // Another org's log mentions Barbara by name; it is not this org's to rewrite.
    await db.auditLog.create({
      data: {
        orgId: ids.globex,
        actorType: "user",
        actorId: ids.hedy,
        actorLabel: "hedy@globex.test",
        action: "note",
        summary: "Asked Barbara Liskov (barbara@acme.test) about berths",
      },
    });
  });
  afterAll(async () => {
    restoreTestEnv();
    await workos.close();
  });

  it("refuses an active member, and erases nothing", async () => {
    signInAs("ada");
    const before = await textOf(ids.acme);
    expect(await erase("linus")).toEqual({
      ok: false,
      error: "Linus Torvalds is still an active member. Remove them first; only people who have left can be erased.",
    });
    expect(await membershipOf("linus", "acme")).toMatchObject({ status: "active" });
    expect(await db.availability.count({ where: { membership: { userId: ids.linus } } })).toBe(1);
    expect(await db.userSession.count({ where: { userId: ids.linus } })).toBe(1);
    expect(await textOf(ids.acme)).toBe(before);
  });

  it("refuses a manager and a member: only admins erase", async () => {
    await depart("barbara");
    for (const key of ["grace", "linus"]) {
      signInAs(key);
      expect(await erase("barbara")).toEqual({ ok: false, error: expect.stringMatching(/does not allow this/) });
    }
    expect(await membershipOf("barbara", "acme")).toMatchObject({ status: "deactivated" });
    expect(await db.availability.count({ where: { membership: { userId: ids.barbara } } })).toBe(1);
  });

  it("an admin of another org gets a 404 and erases nothing", async () => {
    signInAs("hedy", "globex");
    await expect(erase("barbara")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    expect(await membershipOf("barbara", "acme")).not.toBeNull();
  });

  it("refuses a confirmation that is not the person's e-mail address, naming the field", async () => {
    signInAs("ada");
    expect(await erase("barbara", "linus@acme.test")).toEqual({
      ok: false,
      error: "confirmEmail: must be the e-mail address of the person being erased",
      fieldErrors: { confirmEmail: "must be the e-mail address of the person being erased" },
    });
    expect(await membershipOf("barbara", "acme")).not.toBeNull();
  });

  it("needs a recent second factor when the org requires MFA", async () => {
    await db.organization.update({ where: { id: ids.acme }, data: { requireMfa: true } });
    try {
      signInAs("ada");
      await db.userSession.upsert({
        where: { workosSessionId: session.sessionId },
        create: {
          workosSessionId: session.sessionId,
          userId: ids.ada,
          orgId: ids.acme,
          mfaVerified: true,
          mfaVerifiedAt: new Date(Date.now() - 20 * 60_000),
        },
        update: { mfaVerified: true, mfaVerifiedAt: new Date(Date.now() - 20 * 60_000) },
      });
      expect(await erase("barbara")).toMatchObject({
        ok: false,
        stepUp: { url: "/mfa?org=acme&returnTo=%2Facme%2Fsettings%2Fmembers" },
      });
      expect(await membershipOf("barbara", "acme")).not.toBeNull();
    } finally {
      await db.organization.update({ where: { id: ids.acme }, data: { requireMfa: false } });
    }
  });

  it("erases a departed member's availability, sessions, code checks, membership and name everywhere; the audit log keeps every entry and actor id under the pseudonym", async () => {
    const pseudonym = pseudonymFor(ids.barbara);
    const auditBefore = await db.auditLog.findMany({
      where: { orgId: ids.acme },
      orderBy: { id: "asc" },
      select: { id: true, actorId: true, action: true, targetId: true, createdAt: true },
    });
    const linusBefore = {
      availability: await db.availability.findMany({ where: { membership: { userId: ids.linus } } }),
      sessions: await db.userSession.count({ where: { userId: ids.linus } }),
      mfa: await db.mfaAttempt.count({ where: { userId: ids.linus } }),
    };
    const globexBefore = await textOf(ids.globex);
    signInAs("ada");

    expect(await erase("barbara")).toEqual({
      ok: true,
      data: { status: "succeeded", message: `Erased. The audit log now shows them as ${pseudonym}.` },
    });

    // Gone: what was theirs in this org.
    expect(await membershipOf("barbara", "acme")).toBeNull();
    expect(await db.availability.count({ where: { note: { contains: "Barbara" } } })).toBe(0);
    expect(await db.userSession.count({ where: { userId: ids.barbara } })).toBe(0);
    expect(await db.mfaAttempt.count({ where: { userId: ids.barbara } })).toBe(0);
    // This was their only org: name, e-mail, avatar and WorkOS id go; the row stays for the actor id.
    const erased = await db.user.findUniqueOrThrow({ where: { id: ids.barbara } });
    expect(erased).toMatchObject({
      name: pseudonym,
      email: `erased+${ids.barbara}@erased.invalid`,
      workosUserId: `erased:${ids.barbara}`,
      avatarUrl: null,
      lastSignInAt: null,
      erasedAt: expect.any(Date),
    });

    // Kept, pseudonymised: no text of this org mentions them any more.
    const text = await textOf(ids.acme);
    expect(text).not.toContain("barbara");
    expect(text).not.toContain("liskov");
    expect(await db.auditLog.findFirstOrThrow({ where: { orgId: ids.acme, actorId: ids.barbara } })).toMatchObject({
      actorType: "user",
      actorLabel: pseudonym,
      summary: "Added time off from 2026-12-21 to 2026-12-24",
    });
    expect(
      await db.auditLog.findFirstOrThrow({
        where: { orgId: ids.acme, action: "workos.membership.delete", summary: { contains: pseudonym } },
      }),
    ).toMatchObject({
      summary: `Removed ${pseudonym} from acme`,
      changes: { diff: [{ field: "email", after: pseudonym }] },
    });
    // Who did what, to what and when is unchanged, entry for entry; one entry records the erasure.
    const auditAfter = await db.auditLog.findMany({
      where: { orgId: ids.acme, action: { not: "member.erased" } },
      orderBy: { id: "asc" },
      select: { id: true, actorId: true, action: true, targetId: true, createdAt: true },
    });
    expect(auditAfter).toEqual(auditBefore);
    const record = await db.auditLog.findFirstOrThrow({ where: { orgId: ids.acme, action: "member.erased" } });
    expect(record).toMatchObject({
      actorId: ids.ada,
      actorLabel: "ada@acme.test",
      targetType: "user",
      targetId: ids.barbara,
      summary: `Erased the personal data of ${pseudonym} in this organization, and their name and e-mail address in Bosun`,
    });
    expect(record.changes).toEqual({
      availability: 1,
      sessions: 1,
      mfaAttempts: 1,
      auditEntries: 2,
      outboxWrites: 2,
      automationRuns: 1,
      webhookDeliveries: 1,
      cacheEntries: 1,
    });

    // A write still waiting to be sent keeps what it will send; only its displayed summary is rewritten.
    const waiting = await db.outboxIntent.findFirstOrThrow({ where: { idempotencyKey: "reinvite:barbara:acme" } });
    expect(waiting.payload).toEqual({
      args: { email: "barbara@acme.test" },
      meta: { summary: `Invited ${pseudonym} as member`, actorLabel: "ada@acme.test" },
    });

    // Untouched: other members here, and other orgs.
    expect(await db.availability.findMany({ where: { membership: { userId: ids.linus } } })).toEqual(
      linusBefore.availability,
    );
    expect(await db.userSession.count({ where: { userId: ids.linus } })).toBe(linusBefore.sessions);
    expect(await db.mfaAttempt.count({ where: { userId: ids.linus } })).toBe(linusBefore.mfa);
    expect(text).toContain("linus torvalds");
    expect(text).toContain("linus@acme.test");
    expect(await textOf(ids.globex)).toBe(globexBefore);
    expect(globexBefore).toContain("barbara liskov");
  });

  it("is idempotent: erasing again changes nothing and records nothing more", async () => {
    const before = await textOf(ids.acme);
    const entries = await db.auditLog.count({ where: { orgId: ids.acme } });
    signInAs("ada");
    expect(await erase("barbara", "anything@else.test")).toEqual({
      ok: true,
      data: { status: "succeeded", message: `The personal data of ${pseudonymFor(ids.barbara)} was already erased.` },
    });
    expect(await db.auditLog.count({ where: { orgId: ids.acme } })).toBe(entries);
    expect(await textOf(ids.acme)).toBe(before);
  });

  it("someone who still belongs to another org keeps their name and e-mail; only this org's data is erased", async () => {
    await depart("margaret");
    const globexBefore = {
      text: await textOf(ids.globex),
      availability: await db.availability.count({ where: { orgId: ids.globex } }),
      sessions: await db.userSession.count({ where: { orgId: ids.globex, userId: ids.margaret } }),
    };
    signInAs("ada");
    const result = await erase("margaret");
    expect(result).toMatchObject({
      ok: true,
      data: {
        message: expect.stringContaining(
          "They still belong to another organization, so their name and e-mail address stay in Bosun",
        ),
      },
    });

    expect(await membershipOf("margaret", "acme")).toBeNull();
    expect(await membershipOf("margaret", "globex")).toMatchObject({ status: "active" });
    expect(await db.user.findUniqueOrThrow({ where: { id: ids.margaret } })).toMatchObject({
      name: "Margaret Hamilton",
      email: "margaret@acme.test",
      workosUserId: person("margaret").workosUserId,
      erasedAt: null,
    });
    expect(await db.userSession.count({ where: { userId: ids.margaret, orgId: ids.acme } })).toBe(0);
    expect(await db.mfaAttempt.count({ where: { workosSessionId: "session_margaret_acme_laptop" } })).toBe(0);
    expect(await db.mfaAttempt.count({ where: { workosSessionId: "session_margaret_globex_laptop" } })).toBe(1);
    expect(await textOf(ids.acme)).not.toContain("margaret");
    expect({
      text: await textOf(ids.globex),
      availability: await db.availability.count({ where: { orgId: ids.globex } }),
      sessions: await db.userSession.count({ where: { orgId: ids.globex, userId: ids.margaret } }),
    }).toEqual(globexBefore);
    expect(globexBefore.text).toContain("margaret hamilton");
  });

  it("an erased person who signs in again, or whom WorkOS mentions again, is a fresh record with none of the old data", async () => {
    const { workosUserId, email, name } = person("barbara");
    const returning = await users.recordSignIn({ workosUserId, email, name });
    expect(returning.id).not.toBe(ids.barbara);
    expect(await db.membership.count({ where: { userId: returning.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: returning.id } })).toBe(0);

    await db.user.delete({ where: { id: returning.id } });
    expect(
      await events.handleWorkosEvent({
        id: "event_barbara_back",
        event: "user.updated",
        data: { id: workosUserId, email, first_name: "Barbara", last_name: "Liskov" },
        created_at: new Date().toISOString(),
      }),
    ).toMatchObject({ status: "processed" });
    const mirrored = await db.user.findUniqueOrThrow({ where: { workosUserId } });
    expect(mirrored.id).not.toBe(ids.barbara);
    expect(await db.user.findUniqueOrThrow({ where: { id: ids.barbara } })).toMatchObject({
      name: pseudonymFor(ids.barbara),
      erasedAt: expect.any(Date),
    });
  });

  it("is one transaction: when its last step fails, nothing was erased and nothing rewritten", async () => {
    await leaveTracesOf("ken", "acme");
    await depart("ken");
    // A user already holding the address Ken's record would take makes the final update of the user fail.
    const blocker = await db.user.create({
      data: { workosUserId: "user_blocker", email: `erased+${ids.ken}@erased.invalid`, name: "Blocker" },
    });
    const before = {
      text: await textOf(ids.acme),
      availability: await db.availability.count({ where: { membership: { userId: ids.ken } } }),
      sessions: await db.userSession.count({ where: { userId: ids.ken } }),
      audit: await db.auditLog.count({ where: { orgId: ids.acme } }),
    };
    await expect(
      erasure.eraseDepartedMember({
        orgId: ids.acme,
        userId: ids.ken,
        actor: { type: "user", id: ids.ada, label: "ada@acme.test" },
      }),
    ).rejects.toThrow();
    expect(await membershipOf("ken", "acme")).toMatchObject({ status: "deactivated" });
    expect({
      text: await textOf(ids.acme),
      availability: await db.availability.count({ where: { membership: { userId: ids.ken } } }),
      sessions: await db.userSession.count({ where: { userId: ids.ken } }),
      audit: await db.auditLog.count({ where: { orgId: ids.acme } }),
    }).toEqual(before);
    expect(before.text).toContain("ken thompson");

    await db.user.delete({ where: { id: blocker.id } });
    expect(
      await erasure.eraseDepartedMember({
        orgId: ids.acme,
        userId: ids.ken,
        actor: { type: "user", id: ids.ada, label: "ada@acme.test" },
      }),
    ).toMatchObject({ status: "erased", scope: "everywhere" });
    expect(await textOf(ids.acme)).not.toContain("ken thompson");
  });

  it("refuses someone whose invitation here is still pending", async () => {
    const invited = await db.user.create({
      data: { workosUserId: "user_invited_erasure", email: "new.hire@acme.test", name: "New Hire" },
    });
    await db.membership.create({ data: { orgId: ids.acme, userId: invited.id, status: "invited" } });
    signInAs("ada");
    expect(
      await actions.eraseDepartedMemberAction({
        orgSlug: "acme",
        userId: invited.id,
        confirmEmail: "new.hire@acme.test",
      }),
    ).toEqual({
      ok: false,
      error: "New Hire has a pending invitation. Revoke it first; only people who have left can be erased.",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({
      name: "New Hire",
      erasedAt: null,
    });
  });

  it("someone who was never a member here is refused without saying whether they exist elsewhere", async () => {
    signInAs("ada");
    expect(
      await actions.eraseDepartedMemberAction({ orgSlug: "acme", userId: ids.hedy, confirmEmail: "hedy@globex.test" }),
    ).toEqual({ ok: false, error: "That person is not a member of this organization." });
    expect(await db.user.findUniqueOrThrow({ where: { id: ids.hedy } })).toMatchObject({
      email: "hedy@globex.test",
      erasedAt: null,
    });
  });
});
