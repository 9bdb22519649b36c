import "server-only";
import { AgileClient, type Config, Version3Client } from "jira.js";
import { REQUEST_ID_HEADER } from "@/lib/platform/observability/request-id";
import { UPSTREAM_MAX_BODY_BYTES } from "../http";
import { getUpstreamAgents } from "../upstream-agent";
import { toIntegrationError } from "./transform";
import type { JiraClientConfig } from "./types";

export const JIRA_TIMEOUT_MS = 10_000;

export type JiraClients = { v3: Version3Client; agile: AgileClient };

/**
 * jira.js clients for one site with Basic auth (e-mail + API token). The config
 * holds only `host` and `basic` on purpose: OAuth fields such as cloudId or
 * refreshToken make jira.js route through Atlassian's gateway and ignore `host`.
 *
 * The site URL is typed by an org admin, so every request goes through the
 * outbound policy's pinned agents, follows no redirect (a 3xx is an error),
 * ignores HTTP(S)_PROXY (a proxy would be checked instead of the site) and
 * reads at most 10 MB. `timeout` covers connecting and every silence after.
 */
export function createJiraClients({
  siteUrl,
  email,
  apiToken,
  requestId,
  timeoutMs = JIRA_TIMEOUT_MS,
}: JiraClientConfig): JiraClients {
  const agents = getUpstreamAgents();
  const config: Config = {
    host: siteUrl,
    authentication: { basic: { email, apiToken } },
    baseRequestConfig: {
      timeout: timeoutMs,
      headers: requestId ? { [REQUEST_ID_HEADER]: requestId } : {},
      httpAgent: agents.http,
      httpsAgent: agents.https,
      proxy: false,
      maxRedirects: 0,
      maxContentLength: UPSTREAM_MAX_BODY_BYTES,
      maxBodyLength: UPSTREAM_MAX_BODY_BYTES,
    },
  };
  return { v3: new Version3Client(config), agile: new AgileClient(config) };
}

/** Runs jira.js calls so that every failure surfaces as an IntegrationError, never a jira.js or axios error. */
export async function callJira<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toIntegrationError(error, Date.now());
  }
}
