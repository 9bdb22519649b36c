import "server-only";
import { findActiveMembershipByWorkosIds, listOrgsForUser } from "@/lib/db/system/memberships";
import { findUserOrgSlugs } from "@/lib/db/system/users";

/** The orgs the org switcher offers: every org the user is an active member of, with their role there. */
export async function listSwitchableOrgs({ userId }: { userId: string }) {
  const memberships = await listOrgsForUser({ userId });
  return memberships.map((m) => ({ ...m.org, role: m.role }));
}

/**
 * Where a signed-in visitor of `/` belongs: the org their session was opened in (chosen at sign-in, so it opens
 * without a detour through the switch), else the first org they are a member of; `null` when they have none.
 */
export async function findHomeOrgSlug({
  workosUserId,
  workosOrgId,
}: {
  workosUserId: string;
  workosOrgId: string | undefined;
}): Promise<string | null> {
  const current = workosOrgId ? await findActiveMembershipByWorkosIds({ workosUserId, workosOrgId }) : null;
  if (current) return current.org.slug;
  const slugs = await findUserOrgSlugs({ workosUserId });
  return slugs[0] ?? null;
}
