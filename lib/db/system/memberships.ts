// Sign-in and org switching start from a user and an org slug or WorkOS id, before any org is resolved: these look the org up, so they take no orgId.
import "server-only";
import { db } from "@/lib/db/client";

/** The caller's active membership of the org with this slug, or null (missing org and non-member look alike). */
export async function findActiveMembership({ orgSlug, workosUserId }: { orgSlug: string; workosUserId: string }) {
  return db.membership.findFirst({
    where: { status: "active", org: { slug: orgSlug }, user: { workosUserId } },
    select: {
      role: true,
      org: {
        select: {
          id: true,
          slug: true,
          name: true,
          workosOrgId: true,
          requireMfa: true,
          sessionIdleTimeoutMinutes: true,
        },
      },
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

/** The active membership of a WorkOS user in the org with that WorkOS organization id (for OAuth tokens, which carry both). */
export async function findActiveMembershipByWorkosIds({
  workosUserId,
  workosOrgId,
}: {
  workosUserId: string;
  workosOrgId: string;
}) {
  return db.membership.findFirst({
    where: { status: "active", org: { workosOrgId }, user: { workosUserId } },
    select: {
      role: true,
      org: { select: { id: true, slug: true, name: true } },
      user: { select: { id: true, email: true } },
    },
  });
}
