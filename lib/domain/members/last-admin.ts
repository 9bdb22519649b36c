/**
 * An org must always keep an active admin, or nobody could manage it again.
 * Returns why a change is not allowed, or null when it is. Pure.
 */
export function lastAdminViolation({
  targetRole,
  nextRole,
  activeAdmins,
}: {
  targetRole: string;
  nextRole: string | null;
  activeAdmins: number;
}): string | null {
  const demotesAnAdmin = targetRole === "admin" && nextRole !== "admin";
  if (demotesAnAdmin && activeAdmins <= 1) {
    return nextRole === null
      ? "This is the organization's last admin. Make someone else an admin before removing them."
      : "This is the organization's last admin. Make someone else an admin first.";
  }
  return null;
}
