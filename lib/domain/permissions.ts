/**
 * What each role may do. Enforced on the server in every action and route
 * (the UI only hides what a role cannot use). Pure, and tested as a matrix.
 *
 * - admin: everything, including members, integrations, automations, API keys and org settings
 * - manager: plan sprints, create tickets, publish release notes, triage
 * - member: view dashboards, triage errors, create tickets from errors
 */
export const ROLES = ["admin", "manager", "member"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "dashboards:view": ["admin", "manager", "member"],
  "errors:triage": ["admin", "manager", "member"],
  "tickets:create-from-error": ["admin", "manager", "member"],
  "availability:edit-own": ["admin", "manager", "member"],
  "availability:edit-team": ["admin", "manager"],
  "sprints:plan": ["admin", "manager"],
  "tickets:create": ["admin", "manager"],
  "ownership:edit": ["admin", "manager"],
  "release-notes:publish": ["admin", "manager"],
  "automations:view": ["admin", "manager"],
  "automations:edit": ["admin"],
  "members:view": ["admin", "manager", "member"],
  "members:manage": ["admin"],
  "integrations:manage": ["admin"],
  "api-keys:manage": ["admin"],
  "settings:manage": ["admin"],
  "audit-log:view": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles ordered by reach, for "never grant above your own role" checks. */
export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}
