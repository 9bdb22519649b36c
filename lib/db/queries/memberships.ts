import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export async function countMembersByRole({ orgId }: { orgId: string }) {
  const groups = await db.membership.groupBy({
    by: ["role"],
    where: { orgId, status: "active" },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.role, g._count._all])) as Partial<
    Record<"admin" | "manager" | "member", number>
  >;
}

/** Everyone who is or was in the org, active first, for the members page. */
export async function listMembers({ orgId }: { orgId: string }) {
  return db.membership.findMany({
    where: { orgId },
    select: {
      id: true,
      role: true,
      status: true,
      directoryManaged: true,
      jiraAccountId: true,
      updatedAt: true,
      user: { select: { id: true, workosUserId: true, email: true, name: true, lastSignInAt: true } },
    },
    orderBy: [{ status: "asc" }, { user: { name: "asc" } }],
  });
}

export async function findMember(
  { orgId, userId }: { orgId: string; userId: string },
  client: Prisma.TransactionClient = db,
) {
  return client.membership.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: {
      id: true,
      role: true,
      status: true,
      user: { select: { id: true, workosUserId: true, email: true, name: true } },
    },
  });
}

export async function countActiveAdmins({ orgId }: { orgId: string }) {
  return db.membership.count({ where: { orgId, role: "admin", status: "active" } });
}

export async function setMemberRole({
  orgId,
  userId,
  role,
}: {
  orgId: string;
  userId: string;
  role: "admin" | "manager" | "member";
}) {
  return db.membership.update({ where: { orgId_userId: { orgId, userId } }, data: { role } });
}

/**
 * Sets the role of the org's member with this WorkOS user id, in the caller's
 * transaction when given one. Returns the role before, or null when Bosun has no such member.
 */
export async function setMemberRoleByWorkosUser(
  { orgId, workosUserId, role }: { orgId: string; workosUserId: string; role: "admin" | "manager" | "member" },
  client: Prisma.TransactionClient = db,
) {
  const membership = await client.membership.findFirst({
    where: { orgId, user: { workosUserId } },
    select: { id: true, role: true, user: { select: { name: true } } },
  });
  if (!membership) return null;
  if (membership.role !== role) await client.membership.update({ where: { id: membership.id }, data: { role } });
  return { membershipId: membership.id, name: membership.user.name, before: membership.role };
}

export async function setMemberStatus(
  { orgId, userId, status }: { orgId: string; userId: string; status: "active" | "invited" | "deactivated" },
  client: Prisma.TransactionClient = db,
) {
  return client.membership.update({ where: { orgId_userId: { orgId, userId } }, data: { status } });
}

export async function findJiraAccountId({ orgId, userId }: { orgId: string; userId: string }): Promise<string | null> {
  const membership = await db.membership.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: { jiraAccountId: true },
  });
  return membership?.jiraAccountId ?? null;
}

/** Mirrors a WorkOS membership into Bosun (in the caller's transaction when given one); returns the previous status so callers can spot deactivation. */
export async function syncMembership(
  {
    orgId,
    userId,
    role,
    status,
    workosMembershipId,
    directoryManaged,
  }: {
    orgId: string;
    userId: string;
    role: "admin" | "manager" | "member";
    status: "active" | "invited" | "deactivated";
    workosMembershipId: string;
    directoryManaged: boolean;
  },
  client: Prisma.TransactionClient = db,
) {
  const previous = await client.membership.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: { status: true, role: true },
  });
  const membership = await client.membership.upsert({
    where: { orgId_userId: { orgId, userId } },
    create: { orgId, userId, role, status, workosMembershipId, directoryManaged },
    update: { role, status, workosMembershipId, directoryManaged },
  });
  return { membership, previous };
}

/** Defined in lib/db/system/memberships.ts, with the other queries that take no orgId. */
