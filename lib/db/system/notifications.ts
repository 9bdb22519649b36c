// Scheduled notification jobs start from no org: they ask which orgs have e-mail to send, one job per org.
import "server-only";
import { db } from "@/lib/db/client";

/** Orgs with notifications waiting for a batch e-mail. */
export async function listOrgIdsWithPendingEmail(): Promise<string[]> {
  const rows = await db.notification.findMany({
    where: { emailStatus: "pending" },
    select: { orgId: true },
    distinct: ["orgId"],
  });
  return rows.map((r) => r.orgId);
}

/** Every org: the weekly digest and the stuck-write check look at each one. */
export async function listAllOrgIds(): Promise<string[]> {
  return (await db.organization.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((org) => org.id);
}

/**
 * The preferences row behind an unsubscribe link. Deliberately org-less: the
 * link works signed out, and the token (32 random bytes) is the credential.
 */
export async function findPreferenceByUnsubscribeToken(token: string) {
  return db.notificationPreference.findUnique({
    where: { unsubscribeToken: token },
    select: {
      orgId: true,
      userId: true,
      unsubscribedAt: true,
      org: { select: { name: true, slug: true } },
    },
  });
}

/** Unsubscribes by token; returns false when no such link exists. */
export async function unsubscribeByToken(token: string, at: Date): Promise<boolean> {
  const { count } = await db.notificationPreference.updateMany({
    where: { unsubscribeToken: token, unsubscribedAt: null },
    data: { unsubscribedAt: at },
  });
  if (count > 0) return true;
  return (await db.notificationPreference.count({ where: { unsubscribeToken: token } })) > 0;
}

/** Orgs with an outbound write pending since before `olderThan`. */
export async function listOrgIdsWithStuckWrites(olderThan: Date): Promise<string[]> {
  const rows = await db.outboxIntent.findMany({
    where: { status: { in: ["pending", "in_flight"] }, createdAt: { lt: olderThan }, operation: { not: "mail.send" } },
    select: { orgId: true },
    distinct: ["orgId"],
  });
  return rows.map((r) => r.orgId);
}
