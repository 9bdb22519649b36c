import "server-only";
import { db } from "@/lib/db/client";

/**
 * The org's rollback hook, stored as an IntegrationConnection of provider `rollback_hook`: the endpoint URL and
 * timeout in `config`, the HMAC secret sealed in `encryptedCredentials` (only lib/features/rollback opens it).
 */
export async function findRollbackHookConnection({ orgId }: { orgId: string }) {
  return db.integrationConnection.findUnique({
    where: { orgId_provider: { orgId, provider: "rollback_hook" } },
    select: { config: true, encryptedCredentials: true, status: true, updatedAt: true },
  });
}

export async function saveRollbackHookConnection({
  orgId,
  config,
  encryptedCredentials,
  credentialsKeyId,
}: {
  orgId: string;
  config: Record<string, string | number>;
  encryptedCredentials: string;
  credentialsKeyId: string;
}) {
  await db.integrationConnection.upsert({
    where: { orgId_provider: { orgId, provider: "rollback_hook" } },
    create: { orgId, provider: "rollback_hook", config, encryptedCredentials, credentialsKeyId, status: "connected" },
    update: { config, encryptedCredentials, credentialsKeyId, status: "connected", lastError: null },
  });
}

/** Forgets the secret; the row stays (disconnected) so the panel can say the hook was removed. */
export async function disconnectRollbackHook({ orgId }: { orgId: string }): Promise<boolean> {
  const updated = await db.integrationConnection.updateMany({
    where: { orgId, provider: "rollback_hook" },
    data: { status: "disconnected", encryptedCredentials: "", lastError: null },
  });
  return updated.count > 0;
}
