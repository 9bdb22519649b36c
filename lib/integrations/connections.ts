import "server-only";
import { openCredentials } from "@/lib/platform/crypto/credentials";
import { getKeyring } from "@/lib/platform/crypto/keyring";
import { findConnection } from "@/lib/db/queries/integrations";
import type { JiraClientConfig } from "./jira";
import type { SentryClientConfig } from "./sentry";

/** The org's Jira connection with its token opened, or null when Jira is not connected. */
export async function getJiraConfig({ orgId, requestId }: { orgId: string; requestId?: string }): Promise<JiraClientConfig | null> {
  const connection = await findConnection({ orgId, provider: "jira" });
  if (!connection || connection.status === "disconnected") return null;
  const config = connection.config as { siteUrl: string; email: string };
  const { apiToken } = openCredentials(connection.encryptedCredentials, getKeyring());
  return { siteUrl: config.siteUrl, email: config.email, apiToken: apiToken ?? "", requestId };
}

/** The org's Sentry connection with its token opened, or null when Sentry is not connected. */
export async function getSentryConfig({ orgId, requestId }: { orgId: string; requestId?: string }): Promise<SentryClientConfig | null> {
  const connection = await findConnection({ orgId, provider: "sentry" });
  if (!connection || connection.status === "disconnected") return null;
  const config = connection.config as { baseUrl: string; organizationSlug: string };
  const { authToken } = openCredentials(connection.encryptedCredentials, getKeyring());
  return { baseUrl: config.baseUrl, organizationSlug: config.organizationSlug, authToken: authToken ?? "", requestId };
}
