import { createHash } from "node:crypto";

/**
 * The name an erased person goes by in the audit log and wherever Bosun still
 * needs to show "someone" (e.g. the creator of an API key). Derived from the
 * opaque user id, which the audit log keeps as actorId anyway, so the pseudonym
 * reveals nothing the row does not already hold; a secret key would protect
 * nothing more, and would change the pseudonym on key rotation. Hashed rather
 * than a slice of the id because cuids share their leading characters.
 */
export function pseudonymFor(userId: string): string {
  return `Former member ${createHash("sha256").update(userId, "utf8").digest("hex").slice(0, 10)}`;
}

/** The e-mail column is unique and required: an erased user holds a per-user address on the reserved .invalid domain, which never delivers. */
export const erasedEmailFor = (userId: string) => `erased+${userId}@erased.invalid`;

/**
 * The WorkOS id column is unique too. An erased user gives up their real one,
 * so a later sign-in or WorkOS event for that person creates a fresh user
 * instead of reattaching them to the old record (and its audit trail).
 */
export const erasedWorkosUserIdFor = (userId: string) => `erased:${userId}`;
