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

/** The full row, sealed credentials included; only lib/integrations opens them. */
export async function findConnection({ orgId, provider }: { orgId: string; provider: "jira" | "sentry" | "github" }) {
  return db.integrationConnection.findUnique({ where: { orgId_provider: { orgId, provider } } });
}
