import { ROLES, roleRank, type Role } from "@/lib/domain/permissions";

/** How often lastUsedAt is written: often enough to show "last used", rare enough that a busy key costs no writes. */
export const USAGE_TOUCH_INTERVAL_MS = 60_000;

/** The roles someone may give a key: their own and below, so a key never reaches further than its creator. */
export function grantableRoles(creatorRole: Role): Role[] {
  return ROLES.filter((role) => roleRank(role) <= roleRank(creatorRole));
}

/**
 * The role a key acts with right now: the role it was given, capped by its
 * creator's current role. A key is a delegation of its creator's access, so
 * demoting the creator must shrink the key too — otherwise a demoted admin
 * could keep admin access through a key made before the demotion. A creator
 * who is no longer an active member has nothing left to delegate: null.
 */
export function effectiveKeyRole(keyRole: Role, creatorRole: Role | null): Role | null {
  if (creatorRole === null) return null;
  return roleRank(creatorRole) < roleRank(keyRole) ? creatorRole : keyRole;
}

/** Whether lastUsedAt is old enough to be worth rewriting. */
export function usageIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= USAGE_TOUCH_INTERVAL_MS;
}
