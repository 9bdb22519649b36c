import "server-only";
import { openCredentials } from "@/lib/platform/crypto/credentials";
import { getKeyring } from "@/lib/platform/crypto/keyring";
import { findSealedConnection } from "@/lib/db/queries/integrations";
import type { JiraClientConfig } from "./jira";
import type { SentryClientConfig } from "./sentry";

/** Whose connection to open, and the request id its calls should carry. */
type ConfigLookup = { orgId: string; requestId?: string };

/** The org's stored connection to `provider` with its credentials opened, or null when it is not connected. */
async function openConnection(orgId: string, provider: "jira" | "sentry") {
  const connection = await findSealedConnection({ orgId, provider });
  if (!connection || connection.status === "disconnected") return null;
  return { config: connection.config, credentials: openCredentials(connection.encryptedCredentials, getKeyring()) };
}

/** The org's Jira connection with its token opened, or null when Jira is not connected. */
export async function getJiraConfig({ orgId, requestId }: ConfigLookup): Promise<JiraClientConfig | null> {
  const opened = await openConnection(orgId, "jira");
  if (!opened) return null;
  const config = opened.config as { siteUrl: string; email: string };
  return { siteUrl: config.siteUrl, email: config.email, apiToken: opened.credentials.apiToken ?? "", requestId };
}

/** The org's Sentry connection with its token opened, or null when Sentry is not connected. */
export async function getSentryConfig({ orgId, requestId }: ConfigLookup): Promise<SentryClientConfig | null> {
  const opened = await openConnection(orgId, "sentry");
  if (!opened) return null;
  const config = opened.config as { baseUrl: string; organizationSlug: string };
  return {
    baseUrl: config.baseUrl,
    organizationSlug: config.organizationSlug,
    authToken: opened.credentials.authToken ?? "",
    requestId,
  };
}
