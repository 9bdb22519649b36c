// Users exist across orgs (one person, many memberships), so these are keyed by the user and take no orgId.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** Who a user is, as WorkOS knows them. */
type UserIdentity = { workosUserId: string; email: string; name: string };

/** Creates the user on first sign-in, and keeps e-mail, name and last sign-in current. */
export async function recordSignIn({ workosUserId, email, name }: UserIdentity) {
  return db.user.upsert({
    where: { workosUserId },
    create: { workosUserId, email, name, lastSignInAt: new Date() },
    update: { email, name, lastSignInAt: new Date() },
  });
}

/** Slugs of the orgs a signed-in user may open, by name; used to pick a landing org. */
export async function findUserOrgSlugs({ workosUserId }: { workosUserId: string }): Promise<string[]> {
  const memberships = await db.membership.findMany({
    where: { status: "active", user: { workosUserId } },
    select: { org: { select: { slug: true } } },
    orderBy: { org: { name: "asc" } },
  });
  return memberships.map((m) => m.org.slug);
}

/** The orgs a user is an active member of, with ids, for recording org-scoped events such as sign-in. */
export async function listActiveOrgIdsForUser({ userId }: { userId: string }): Promise<string[]> {
  const memberships = await db.membership.findMany({ where: { userId, status: "active" }, select: { orgId: true } });
  return memberships.map((m) => m.orgId);
}

export async function findUserByWorkosId({ workosUserId }: { workosUserId: string }) {
  return db.user.findUnique({ where: { workosUserId } });
}

export async function upsertUserFromDirectory(
  { workosUserId, email, name }: UserIdentity,
  client: Prisma.TransactionClient = db,
) {
  return client.user.upsert({
    where: { workosUserId },
    create: { workosUserId, email, name },
    update: { email, name },
  });
}

export async function findUserByEmail({ email }: { email: string }, client: Prisma.TransactionClient = db) {
  return client.user.findUnique({ where: { email } });
}

/**
 * Creates the user unless one with this WorkOS id or e-mail exists (INSERT … ON
 * CONFLICT DO NOTHING, so concurrent callers never fail), then returns the
 * user with this WorkOS id — null when the e-mail belongs to someone else.
 */
export async function createUserIfAbsent({ workosUserId, email, name }: UserIdentity) {
  await db.user.createMany({ data: [{ workosUserId, email, name }], skipDuplicates: true });
  return db.user.findUnique({ where: { workosUserId } });
}
