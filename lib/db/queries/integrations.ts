import "server-only";
import { db, pool } from "@/lib/db/client";
import type { IntegrationStatus } from "@/lib/db/generated/enums";

/** Connection status per provider; never the credentials. */
export async function listIntegrationStatuses({ orgId }: { orgId: string }) {
  return db.integrationConnection.findMany({
    where: { orgId },
    select: { provider: true, status: true, lastCheckedAt: true, lastError: true, updatedAt: true },
    orderBy: { provider: "asc" },
  });
}

/**
 * What a Jira or Sentry call needs of the connection (its status, settings and sealed credentials); only
 * lib/integrations opens them. Every upstream read waits for this, so it is one raw statement (as the membership
 * lookup is): Prisma's findUnique took about 1.5 ms more of a cold page's critical path.
 */
export async function findSealedConnection({ orgId, provider }: { orgId: string; provider: "jira" | "sentry" }) {
  const { rows } = await pool.query<{ status: IntegrationStatus; config: unknown; encryptedCredentials: string }>(
    `SELECT status, config, "encryptedCredentials" FROM "IntegrationConnection" WHERE "orgId" = $1 AND provider = $2::"IntegrationProvider"`,
    [orgId, provider],
  );
  return rows[0] ?? null;
}

/** The full row, sealed credentials included; only lib/integrations opens them. */
export async function findConnection({ orgId, provider }: { orgId: string; provider: "jira" | "sentry" | "github" }) {
  return db.integrationConnection.findUnique({ where: { orgId_provider: { orgId, provider } } });
}

type Provider = "jira" | "sentry" | "github";

export async function saveConnection({
  orgId,
  provider,
  config,
  encryptedCredentials,
  credentialsKeyId,
}: {
  orgId: string;
  provider: Provider;
  config: Record<string, string>;
  encryptedCredentials: string;
  credentialsKeyId: string;
}) {
  return db.integrationConnection.upsert({
    where: { orgId_provider: { orgId, provider } },
    create: { orgId, provider, config, encryptedCredentials, credentialsKeyId, status: "connected" },
    update: { config, encryptedCredentials, credentialsKeyId, status: "connected", lastError: null },
  });
}

export async function recordConnectionCheck({
  orgId,
  provider,
  error,
}: {
  orgId: string;
  provider: Provider;
  error: string | null;
}) {
  return db.integrationConnection.update({
    where: { orgId_provider: { orgId, provider } },
    data: { lastCheckedAt: new Date(), status: error ? "error" : "connected", lastError: error },
  });
}

export async function disconnect({ orgId, provider }: { orgId: string; provider: Provider }) {
  return db.integrationConnection.update({
    where: { orgId_provider: { orgId, provider } },
    data: { status: "disconnected", encryptedCredentials: "", lastError: null },
  });
}

/** Non-secret settings of every connection, for the integrations page. */
export async function listConnectionSettings({ orgId }: { orgId: string }) {
  return db.integrationConnection.findMany({
    where: { orgId },
    select: { provider: true, status: true, config: true, lastCheckedAt: true, lastError: true, updatedAt: true },
  });
}
