import "server-only";
import { db } from "@/lib/db/client";

/** The caller's active membership of the org with this slug, or null (missing org and non-member look alike). */
export async function findActiveMembership({ orgSlug, workosUserId }: { orgSlug: string; workosUserId: string }) {
  return db.membership.findFirst({
    where: { status: "active", org: { slug: orgSlug }, user: { workosUserId } },
    select: {
      role: true,
      org: { select: { id: true, slug: true, name: true, workosOrgId: true } },
      user: { select: { id: true, workosUserId: true, email: true, name: true } },
    },
  });
}

/** The orgs a user belongs to (for the org switcher); scoped by the user, not by an org. */
export async function listOrgsForUser({ userId }: { userId: string }) {
  return db.membership.findMany({
    where: { userId, status: "active" },
    select: { role: true, org: { select: { slug: true, name: true } } },
    orderBy: { org: { name: "asc" } },
  });
}

export async function countMembersByRole({ orgId }: { orgId: string }) {
  const groups = await db.membership.groupBy({ by: ["role"], where: { orgId, status: "active" }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.role, g._count._all])) as Partial<Record<"admin" | "manager" | "member", number>>;
}
