import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { demoSession } from "@/test/authkit-session";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { buildWorld } from "@/emulators/seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import * as actions from "./actions";
import { db } from "@/lib/db/client";

/**
 * The role matrix, enforced on the server: the real actions run against a real
 * database and the WorkOS emulator, with only the AuthKit session swapped in.
 */
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "session_matrix",
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
const signInAs = (key: string) => Object.assign(session, demoSession(key));

describe("member management by role", () => {
  let workos: RunningWorkosEmulator;
  let linusId: string;

  useSeededDatabase({ label: "rolematrix" });
  beforeAll(async () => {
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ WORKOS_API_PORT: String(workos.port) });
    linusId = (await db.user.findUniqueOrThrow({ where: { email: "linus@acme.test" } })).id;
  });
  beforeEach(() => {
    session.user = null;
  });
  afterAll(async () => {
    restoreTestEnv();
    await workos.close();
  });

  const roleOf = async (email: string) =>
    (await db.membership.findFirstOrThrow({ where: { user: { email }, org: { slug: "acme" } } })).role;

  for (const key of ["linus", "grace"]) {
    it(`a ${key === "linus" ? "member" : "manager"} cannot invite, change roles or remove`, async () => {
      signInAs(key);
      const denied = expect.objectContaining({ ok: false, error: expect.stringMatching(/does not allow this/) });
      expect(
        await actions.inviteMemberAction({
          orgSlug: "acme",
          email: "new@acme.test",
          role: "member",
          idempotencyKey: randomUUID(),
        }),
      ).toEqual(denied);
      expect(
        await actions.changeMemberRoleAction({
          orgSlug: "acme",
          userId: linusId,
          role: "admin",
          idempotencyKey: randomUUID(),
        }),
      ).toEqual(denied);
      expect(
        await actions.removeMemberAction({ orgSlug: "acme", userId: linusId, idempotencyKey: randomUUID() }),
      ).toEqual(denied);
      expect(await roleOf("linus@acme.test")).toBe("member");
      expect(await db.outboxIntent.count()).toBe(0);
    });
  }

  it("an admin changes a role, in WorkOS and in Bosun, with an audit entry", async () => {
    signInAs("ada");
    const result = await actions.changeMemberRoleAction({
      orgSlug: "acme",
      userId: linusId,
      role: "manager",
      idempotencyKey: randomUUID(),
    });
    expect(result).toEqual({ ok: true, data: { status: "succeeded", message: "Linus Torvalds is now a manager." } });
    expect(await roleOf("linus@acme.test")).toBe("manager");
    const memberships = await fetch(
      `${workos.url}/user_management/organization_memberships?user_id=${person("linus").workosUserId}`,
      { headers: { authorization: "Bearer sk_test_bosun_demo" } },
    );
    expect(((await memberships.json()) as { data: { role: { slug: string } }[] }).data[0]?.role.slug).toBe("manager");
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "workos.membership.update_role" } })).toMatchObject({
      actorLabel: "ada@acme.test",
      summary: "Changed Linus Torvalds's role from member to manager",
    });
  });

  it("defect 8 (audit diff): a role change's audit entry records the fields sent, with the role before, and no secret", async () => {
    signInAs("ada");
    const graceId = (await db.user.findUniqueOrThrow({ where: { email: "grace@acme.test" } })).id;
    const before = await roleOf("grace@acme.test");
    expect(
      await actions.changeMemberRoleAction({
        orgSlug: "acme",
        userId: graceId,
        role: "admin",
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ ok: true, data: { status: "succeeded" } });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "workos.membership.update_role", summary: { contains: "Grace" } },
      orderBy: { createdAt: "desc" },
    });
    const diff = (entry.changes as { diff: { field: string; before?: unknown; after: unknown }[] }).diff;
    expect(diff).toContainEqual({ field: "role", before, after: "admin" });
    expect(diff).toContainEqual({ field: "workosUserId", after: person("grace").workosUserId });
    expect(JSON.stringify(entry.changes)).not.toMatch(/sk_test|Bearer/i);
    await actions.changeMemberRoleAction({
      orgSlug: "acme",
      userId: graceId,
      role: before,
      idempotencyKey: randomUUID(),
    });
  });

  it("names the wrong field in a bad request", async () => {
    signInAs("ada");
    const result = await actions.inviteMemberAction({
      orgSlug: "acme",
      email: "not-an-email",
      role: "owner" as "admin",
      idempotencyKey: randomUUID(),
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: "must be a valid e-mail address", role: "must be admin, manager or member" },
    });
  });

  it("fuzz: issue keys that are not Jira issue keys are refused, naming the key, instead of failing in the outbox (a 500)", async () => {
    signInAs("ada");
    const adaId = (await db.user.findUniqueOrThrow({ where: { email: "ada@acme.test" } })).id;
    const result = await actions.reassignOpenIssuesAction({
      orgSlug: "acme",
      fromUserId: linusId,
      toUserId: adaId,
      issueKeys: ["ACME-1", ""],
      idempotencyKey: randomUUID(),
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "issueKeys.1": "must be a Jira issue key" } });
    expect(await db.outboxIntent.count({ where: { operation: "jira.issue.assign" } })).toBe(0);
  });

  it("never lets the last admin be demoted or removed", async () => {
    signInAs("ada");
    const adaId = (await db.user.findUniqueOrThrow({ where: { email: "ada@acme.test" } })).id;
    expect(
      await actions.changeMemberRoleAction({
        orgSlug: "acme",
        userId: adaId,
        role: "member",
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/last admin/) });
    expect(
      await actions.removeMemberAction({ orgSlug: "acme", userId: adaId, idempotencyKey: randomUUID() }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/last admin/) });
    expect(await roleOf("ada@acme.test")).toBe("admin");
  });

  it("an admin of another org gets a 404 and changes nothing", async () => {
    signInAs("hedy");
    await expect(
      actions.removeMemberAction({ orgSlug: "acme", userId: linusId, idempotencyKey: randomUUID() }),
    ).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    expect((await db.membership.findFirstOrThrow({ where: { userId: linusId, org: { slug: "acme" } } })).status).toBe(
      "active",
    );
  });

  const workosApi = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${workos.url}${path}`, {
      ...init,
      headers: { authorization: "Bearer sk_test_bosun_demo", "content-type": "application/json" },
    });
    return (await response.json()) as { id: string; state: string; organization_id: string | null };
  };
  const inviteTo = (org: "acme" | "globex", email: string) =>
    workosApi("/user_management/invitations", {
      method: "POST",
      body: JSON.stringify({ email, organization_id: world.orgs.find((o) => o.slug === org)!.workosOrgId }),
    });

  it("finding 6 (invitation revoke): an acme admin cannot revoke a globex invitation, and nothing is queued", async () => {
    const invitation = await inviteTo("globex", "globex.hire@globex.test");
    signInAs("ada");
    const result = await actions.revokeInvitationAction({
      orgSlug: "acme",
      invitationId: invitation.id,
      email: "globex.hire@globex.test",
      idempotencyKey: randomUUID(),
    });
    expect(result).toEqual({ ok: false, error: "No such invitation." });
    expect((await workosApi(`/user_management/invitations/${invitation.id}`)).state).toBe("pending");
    expect(await db.outboxIntent.count({ where: { operation: "workos.invitation.revoke" } })).toBe(0);
    expect(
      await actions.revokeInvitationAction({
        orgSlug: "acme",
        invitationId: "invitation_does_not_exist",
        email: "x@acme.test",
        idempotencyKey: randomUUID(),
      }),
    ).toEqual({ ok: false, error: "No such invitation." });
  });

  it("finding 6 (invitation revoke): the outbox checks the invitation's org again right before revoking", async () => {
    const invitation = await inviteTo("globex", "queued.hire@globex.test");
    const { performWrite } = await import("@/lib/platform/outbox");
    const acme = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    const outcome = await performWrite({
      orgId: acme.id,
      operation: "workos.invitation.revoke",
      args: { invitationId: invitation.id, workosOrgId: acme.workosOrgId },
      orderingKey: "invitation:queued.hire@globex.test",
      idempotencyKey: `revoke-invite:${randomUUID()}`,
      actor: { type: "user", label: "ada@acme.test" },
      summary: "Revoked the invitation of queued.hire@globex.test",
    });
    expect(outcome).toMatchObject({ status: "failed", error: expect.stringMatching(/^404: /) });
    expect((await workosApi(`/user_management/invitations/${invitation.id}`)).state).toBe("pending");
  });

  it("finding 6 (invitation revoke): while WorkOS rate-limits, the revoke is queued with the org, and refused before it writes", async () => {
    const invitation = await inviteTo("globex", "later.hire@globex.test");
    signInAs("ada");
    const idempotencyKey = randomUUID();
    workos.faults.set({ rateLimitRate: 1, retryAfterSeconds: 0, pathPrefix: "/user_management/invitations" });
    try {
      const result = await actions.revokeInvitationAction({
        orgSlug: "acme",
        invitationId: invitation.id,
        email: "later.hire@globex.test",
        idempotencyKey,
      });
      expect(result).toMatchObject({ ok: true, data: { status: "pending" } });
    } finally {
      workos.faults.clear();
    }
    const intent = await db.outboxIntent.findFirstOrThrow({
      where: { idempotencyKey: `revoke-invite:${idempotencyKey}` },
    });
    const acme = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    expect((intent.payload as { args: unknown }).args).toEqual({
      invitationId: invitation.id,
      workosOrgId: acme.workosOrgId,
    });
    const { execute } = await import("@/lib/platform/outbox/perform");
    expect(await execute(intent.id)).toMatchObject({ status: "failed", error: expect.stringMatching(/^404: /) });
    expect((await workosApi(`/user_management/invitations/${invitation.id}`)).state).toBe("pending");
  });

  it("an admin revokes an invitation of their own org", async () => {
    const invitation = await inviteTo("acme", "changed.mind@acme.test");
    signInAs("ada");
    const result = await actions.revokeInvitationAction({
      orgSlug: "acme",
      invitationId: invitation.id,
      email: "changed.mind@acme.test",
      idempotencyKey: randomUUID(),
    });
    expect(result).toEqual({
      ok: true,
      data: { status: "succeeded", message: "Invitation of changed.mind@acme.test revoked." },
    });
    expect((await workosApi(`/user_management/invitations/${invitation.id}`)).state).toBe("revoked");
  });

  it("an admin invites and removes, and the removed member loses access at once", async () => {
    signInAs("ada");
    const invite = await actions.inviteMemberAction({
      orgSlug: "acme",
      email: "Nia.New@acme.test",
      role: "member",
      idempotencyKey: randomUUID(),
    });
    expect(invite).toEqual({
      ok: true,
      data: { status: "succeeded", message: "Invitation sent to nia.new@acme.test." },
    });
    expect(
      await actions.removeMemberAction({ orgSlug: "acme", userId: linusId, idempotencyKey: randomUUID() }),
    ).toMatchObject({ ok: true });
    expect((await db.membership.findFirstOrThrow({ where: { userId: linusId, org: { slug: "acme" } } })).status).toBe(
      "deactivated",
    );
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "workos.membership.delete" } })).toMatchObject({
      summary: "Removed Linus Torvalds (linus@acme.test) from Acme Maritime",
      result: "success",
    });
    signInAs("linus");
    await expect(
      actions.inviteMemberAction({
        orgSlug: "acme",
        email: "x@acme.test",
        role: "member",
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toThrow(/404|NOT_FOUND/);
  });
});
