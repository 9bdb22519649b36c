import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { findActiveMembership, listOrgsForUser } from "./memberships";

/** The lookup every page, action and route starts with: the caller's active membership of the org in the URL. */
describe("findActiveMembership", () => {
  useSeededDatabase({ label: "memberships", seed: false });
  let ids: { org: string; other: string; user: string };

  beforeAll(async () => {
    const org = await db.organization.create({
      data: { slug: "acme", name: "Acme", workosOrgId: "org_acme", requireMfa: true, sessionIdleTimeoutMinutes: 30 },
    });
    const other = await db.organization.create({ data: { slug: "globex", name: "Globex", workosOrgId: "org_globex" } });
    const user = await db.user.create({ data: { workosUserId: "user_ada", email: "ada@acme.test", name: "Ada" } });
    await db.membership.create({ data: { orgId: org.id, userId: user.id, role: "manager" } });
    await db.membership.create({ data: { orgId: other.id, userId: user.id, role: "member", status: "deactivated" } });
    ids = { org: org.id, other: other.id, user: user.id };
  });

  it("answers the role, the org with its session rules and the user", async () => {
    expect(await findActiveMembership({ orgSlug: "acme", workosUserId: "user_ada" })).toEqual({
      role: "manager",
      org: {
        id: ids.org,
        slug: "acme",
        name: "Acme",
        workosOrgId: "org_acme",
        requireMfa: true,
        sessionIdleTimeoutMinutes: 30,
      },
      user: { id: ids.user, workosUserId: "user_ada", email: "ada@acme.test", name: "Ada" },
    });
  });

  it("answers null for a deactivated membership, a stranger and an org that does not exist, alike", async () => {
    expect(await findActiveMembership({ orgSlug: "globex", workosUserId: "user_ada" })).toBeNull();
    expect(await findActiveMembership({ orgSlug: "acme", workosUserId: "user_nobody" })).toBeNull();
    expect(await findActiveMembership({ orgSlug: "initech", workosUserId: "user_ada" })).toBeNull();
  });

  it("reads the org's idle timeout as unset when it is", async () => {
    await db.membership.update({
      where: { orgId_userId: { orgId: ids.other, userId: ids.user } },
      data: { status: "active" },
    });
    expect(await findActiveMembership({ orgSlug: "globex", workosUserId: "user_ada" })).toMatchObject({
      role: "member",
      org: { slug: "globex", requireMfa: false, sessionIdleTimeoutMinutes: null },
    });
  });

  it("lists the user's active memberships for the org switcher, by org name", async () => {
    await db.membership.update({
      where: { orgId_userId: { orgId: ids.other, userId: ids.user } },
      data: { status: "deactivated" },
    });
    const initech = await db.organization.create({ data: { slug: "initech", name: "Initech", workosOrgId: "org_i" } });
    await db.membership.create({ data: { orgId: initech.id, userId: ids.user, role: "admin" } });
    expect(await listOrgsForUser({ userId: ids.user })).toEqual([
      { role: "manager", org: { slug: "acme", name: "Acme" } },
      { role: "admin", org: { slug: "initech", name: "Initech" } },
    ]);
  });
});
