// The sprint reconciliation pass starts from no org: it asks which orgs have Jira connected, and queues one job per org.
import "server-only";
import { db } from "@/lib/db/client";

/** Orgs whose Jira connection is not disconnected. */
export async function listOrgIdsWithJira(): Promise<string[]> {
  const connections = await db.integrationConnection.findMany({
    where: { provider: "jira", status: { not: "disconnected" } },
    select: { orgId: true },
    orderBy: { orgId: "asc" },
  });
  return connections.map((connection) => connection.orgId);
}
