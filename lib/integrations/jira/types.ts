import "server-only";

/** How Bosun reaches one Jira Cloud site: the connection's config plus its sealed API token. */
export type JiraClientConfig = {
  /** The site's address, e.g. https://acme.atlassian.net; becomes the jira.js `host`. */
  siteUrl: string;
  email: string;
  apiToken: string;
  /** Sent as x-request-id, so a Bosun request can be traced into upstream calls. */
  requestId?: string;
  timeoutMs?: number;
};

export type JiraAccount = { accountId: string; displayName: string; email: string | null };

export type JiraSiteInfo = { baseUrl: string; title: string; deploymentType: string | null; version: string | null };

export type JiraConnectionFailureReason = "bad_credentials" | "forbidden" | "wrong_site" | "unreachable" | "timeout" | "rate_limited" | "unexpected";

export type JiraConnectionResult =
  | { ok: true; account: JiraAccount; site: JiraSiteInfo }
  | { ok: false; reason: JiraConnectionFailureReason; message: string; status?: number };

export type JiraIssueSummary = { key: string; summary: string; status: string; type: string | null };
