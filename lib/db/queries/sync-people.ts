import "server-only";
import { db } from "@/lib/db/client";

/** The org's active members as the assignee sync matches them: e-mail and linked Jira account. */
export async function listSyncPeople({ orgId }: { orgId: string }) {
  const members = await db.membership.findMany({
    where: { orgId, status: "active", user: { erasedAt: null } },
    select: { jiraAccountId: true, user: { select: { name: true, email: true } } },
  });
  return members.map((m) => ({ name: m.user.name, email: m.user.email, jiraAccountId: m.jiraAccountId }));
}
