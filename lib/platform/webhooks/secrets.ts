import "server-only";
import { openCredentials } from "@/lib/platform/crypto/credentials";
import { getKeyring } from "@/lib/platform/crypto/keyring";
import { findSealedConnection } from "@/lib/db/queries/integrations";
import { findConnectionBySlug } from "@/lib/db/system/integrations";

/**
 * The webhook secret of an org's Sentry, GitHub or Jira connection, by slug. Intake
 * asks on every delivery, so answers (including "none") are kept in memory for
 * 30 s: a burst of deliveries costs one lookup. Saving or disconnecting an
 * integration clears this process's copy; other processes pick up a rotated or
 * removed secret within 30 s.
 */
type Provider = "sentry" | "github" | "jira";
export type WebhookSecret = { orgId: string; secret: string } | null;

const TTL_MS = 30_000;
const MAX_ENTRIES = 1_000;
const cache = new Map<string, { value: WebhookSecret; expires: number }>();

export async function findWebhookSecret(
  { orgSlug, provider }: { orgSlug: string; provider: Provider },
  now = Date.now(),
): Promise<WebhookSecret> {
  const key = `${provider}:${orgSlug}`;
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;
  const connection = await findConnectionBySlug({ orgSlug, provider });
  const secret =
    connection && connection.status !== "disconnected"
      ? openCredentials(connection.encryptedCredentials, getKeyring()).webhookSecret
      : undefined;
  const value = connection && secret ? { orgId: connection.orgId, secret } : null;
  // Unknown slugs are cached too (a flood of them must not become a flood of queries), within a bound.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { value, expires: now + TTL_MS });
  return value;
}

export function forgetWebhookSecrets() {
  cache.clear();
}

/**
 * The org's stored Jira webhook secret, for registering the webhook with Jira (the secret goes to Jira,
 * never into the outbox's stored arguments or the audit log). Null when none is set or Jira is disconnected.
 */
export async function findJiraWebhookSecret({ orgId }: { orgId: string }): Promise<string | null> {
  const connection = await findSealedConnection({ orgId, provider: "jira" });
  if (!connection || connection.status === "disconnected") return null;
  return openCredentials(connection.encryptedCredentials, getKeyring()).webhookSecret ?? null;
}
