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

export type JiraConnectionFailureReason =
  | "bad_credentials"
  | "forbidden"
  | "wrong_site"
  | "unreachable"
  | "blocked_address"
  | "timeout"
  | "rate_limited"
  | "unexpected";

export type JiraConnectionResult =
  | { ok: true; account: JiraAccount; site: JiraSiteInfo }
  | { ok: false; reason: JiraConnectionFailureReason; message: string; status?: number };

export type JiraIssueSummary = { key: string; summary: string; status: string; type: string | null };

export type JiraBoard = { id: number; name: string; type: string; projectKey: string | null };

export type JiraSprintState = "future" | "active" | "closed";
export type JiraSprint = {
  id: number;
  name: string;
  state: JiraSprintState;
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  goal: string | null;
};

export type StatusCategory = "new" | "indeterminate" | "done";

/** An issue as sprint capacity and planning need it. */
export type JiraWorkItem = {
  key: string;
  summary: string;
  issueType: string;
  status: string;
  statusCategory: StatusCategory;
  points: number | null;
  assigneeAccountId: string | null;
  /** Display name, else email, else accountId; absent on items cached before it existed. */
  assigneeName?: string | null;
  components: string[];
  labels: string[];
  epic: { key: string; name: string } | null;
  /** Issues that block this one ("is blocked by" links), with their status category. */
  blockedBy: { key: string; statusCategory: StatusCategory }[];
  sprintIds: number[];
  resolvedAt: string | null;
};
