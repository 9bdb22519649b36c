import type { Role } from "@/lib/domain/permissions";

/** Rolling a release back is a manager's call: admins and managers approve or dismiss, members only see the gate. */
export const ROLLBACK_DECIDERS: readonly Role[] = ["admin", "manager"];

export function canDecideRollback(role: Role): boolean {
  return ROLLBACK_DECIDERS.includes(role);
}
