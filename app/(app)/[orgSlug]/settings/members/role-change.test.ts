import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { buildWorld } from "@/emulators/seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import * as actions from "./actions";
import * as outbox from "@/lib/platform/outbox";
import { db } from "@/lib/db/client";

/**
 * Role changes while WorkOS fails membership writes: the real action, a real
 * database and the WorkOS emulator, with the outbox drained by the test.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_role_change",
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
const acme = world.orgs.find((o) => o.slug === "acme")!;

describe("role changes while WorkOS is failing", () => {
  let workos: RunningWorkosEmulator;

  useSeededDatabase({ label: "rolechange" });
  beforeAll(async () => {
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
    Object.assign(session, demoSession("ada"));
  });
  afterEach(() => workos.faults.clear());
  afterAll(async () => {
    restoreTestEnv();
    await workos.close();
  });

  const userIdOf = async (key: string) => (await db.user.findUniqueOrThrow({ where: { email: person(key).email } })).id;
  const bosunRole = async (key: string) =>
    (await db.membership.findFirstOrThrow({ where: { user: { email: person(key).email }, org: { slug: "acme" } } }))
      .role;
  const workosRole = async (key: string) => {
    const response = await fetch(
      `${workos.url}/user_management/organization_memberships?user_id=${person(key).workosUserId}&organization_id=${acme.workosOrgId}`,
      { headers: { authorization: "Bearer sk_test_bosun_demo" } },
    );
    return ((await response.json()) as { data: { role: { slug: string } }[] }).data[0]?.role.slug;
  };
  const failMembershipWrites = () =>
    workos.faults.set({ errorRate: 1, errorStatus: 503, pathPrefix: "/user_management/organization_memberships" });
  // An hour on: past any backoff, well inside the retry window.
  const drainAnHourLater = () => outbox.drainOutbox({ now: () => new Date(Date.now() + 3_600_000) });

  it("defect 6 (pending demotion never applied): demoting an admin while WorkOS fails changes Bosun's role at once and queues the WorkOS write", async () => {
    const graceId = await userIdOf("grace");
    expect(
      await actions.changeMemberRoleAction({
        orgSlug: "acme",
        userId: graceId,
        role: "admin",
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ ok: true, data: { status: "succeeded" } });
    expect(await bosunRole("grace")).toBe("admin");

    failMembershipWrites();
    const idempotencyKey = randomUUID();
    const result = await actions.changeMemberRoleAction({
      orgSlug: "acme",
      userId: graceId,
      role: "member",
      idempotencyKey,
    });
    expect(result).toMatchObject({ ok: true, data: { status: "pending" } });
    expect(await bosunRole("grace")).toBe("member");
    const intent = await db.outboxIntent.findFirstOrThrow({ where: { idempotencyKey: `role:${idempotencyKey}` } });
    expect(intent).toMatchObject({ status: "pending", operation: "workos.membership.update_role" });
    expect((intent.payload as { args: { role: string } }).args.role).toBe("member");
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "membership.role_lowered" } })).toMatchObject({
      actorLabel: "ada@acme.test",
      summary: expect.stringContaining("from admin to member"),
    });

    workos.faults.clear();
    // No worker runs in this test: WorkOS still has the old role until the outbox is drained.
    expect(await workosRole("grace")).toBe("admin");
    expect((await drainAnHourLater()).map((o) => o.status)).toEqual(["succeeded"]);
    expect(await workosRole("grace")).toBe("member");
    expect(await bosunRole("grace")).toBe("member");
    expect(
      await db.auditLog.count({
        where: {
          action: "workos.membership.update_role",
          result: "success",
          summary: { contains: "from admin to member" },
        },
      }),
    ).toBe(1);
  });

  it("defect 6 (pending demotion never applied): promoting a member while WorkOS fails waits for WorkOS, then applies the role in Bosun", async () => {
    const linusId = await userIdOf("linus");
    failMembershipWrites();
    const idempotencyKey = randomUUID();
    const result = await actions.changeMemberRoleAction({
      orgSlug: "acme",
      userId: linusId,
      role: "admin",
      idempotencyKey,
    });
    expect(result).toMatchObject({ ok: true, data: { status: "pending" } });
    expect(await bosunRole("linus")).toBe("member");
    expect(
      await db.outboxIntent.findFirstOrThrow({ where: { idempotencyKey: `role:${idempotencyKey}` } }),
    ).toMatchObject({ status: "pending" });

    // Still failing: nothing changes in Bosun.
    expect((await drainAnHourLater()).map((o) => o.status)).toEqual(["pending"]);
    expect(await bosunRole("linus")).toBe("member");

    workos.faults.clear();
    expect(
      (await outbox.drainOutbox({ now: () => new Date(Date.now() + 3 * 3_600_000) })).map((o) => o.status),
    ).toEqual(["succeeded"]);
    expect(await workosRole("linus")).toBe("admin");
    expect(await bosunRole("linus")).toBe("admin");
    const applied = await db.auditLog.findMany({
      where: { action: "membership.role_applied", summary: { startsWith: "Linus Torvalds" } },
    });
    expect(applied).toEqual([
      expect.objectContaining({
        actorLabel: "ada@acme.test",
        summary: "Linus Torvalds's role in Bosun changed from member to admin, confirmed by WorkOS",
      }),
    ]);
  });

  it("keeps the last-admin rule: a promotion still waiting for WorkOS does not count towards the last-admin rule", async () => {
    // linus is now an admin alongside ada; demote him, then ask to promote ken while WorkOS fails.
    expect(
      await actions.changeMemberRoleAction({
        orgSlug: "acme",
        userId: await userIdOf("linus"),
        role: "member",
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ ok: true });
    failMembershipWrites();
    expect(
      await actions.changeMemberRoleAction({
        orgSlug: "acme",
        userId: await userIdOf("ken"),
        role: "admin",
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ ok: true, data: { status: "pending" } });
    const demoteAda = await actions.changeMemberRoleAction({
      orgSlug: "acme",
      userId: await userIdOf("ada"),
      role: "member",
      idempotencyKey: randomUUID(),
    });
    expect(demoteAda).toMatchObject({ ok: false, error: expect.stringMatching(/last admin/) });
    expect(await bosunRole("ada")).toBe("admin");
  });
});
