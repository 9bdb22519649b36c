import "server-only";
import { db } from "@/lib/db/client";

/** Connection status per provider; never the credentials. */
export async function listIntegrationStatuses({ orgId }: { orgId: string }) {
  return db.integrationConnection.findMany({
    where: { orgId },
    select: { provider: true, status: true, lastCheckedAt: true, lastError: true, updatedAt: true },
    orderBy: { provider: "asc" },
  });
}
