import "server-only";
import { callJira, createJiraClients } from "./client";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { summarizeUpstreamText } from "../http";
import { toIntegrationError, toIssueSummary } from "./transform";
import type { JiraClientConfig, JiraIssueSummary } from "./types";

/** Jira account ids and labels are opaque strings; quote them for JQL rather than trust their shape. */
export function jqlString(value: string) {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Issues assigned to one person that are not done, most recently updated first (at most 100). */
export async function listOpenIssuesAssignedTo(
  config: JiraClientConfig,
  accountId: string,
): Promise<JiraIssueSummary[]> {
  const { v3 } = createJiraClients(config);
  const page = await callJira(() =>
    v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: `assignee = ${jqlString(accountId)} AND statusCategory != Done ORDER BY updated DESC`,
      fields: ["summary", "status", "issuetype"],
      maxResults: 100,
    }),
  );
  return (page.issues ?? []).map(toIssueSummary).filter((issue): issue is JiraIssueSummary => issue !== null);
}

export async function assignIssue(config: JiraClientConfig, issueKey: string, accountId: string | null): Promise<void> {
  const { v3 } = createJiraClients(config);
  await callJira(() => v3.issues.assignIssue({ issueIdOrKey: issueKey, accountId: accountId as string }));
}

export type NewIssue = {
  projectKey: string;
  issueType: string;
  summary: string;
  description: Record<string, unknown>;
  priority: string;
  labels: string[];
  assigneeAccountId?: string | null;
};

export async function createIssue(config: JiraClientConfig, issue: NewIssue): Promise<{ id: string; key: string }> {
  const { v3 } = createJiraClients(config);
  const created = await callJira(() => v3.issues.createIssue({ fields: issueFields(issue) as never }));
  return { id: created.id, key: created.key };
}

/** Jira's `fields` for a new issue; optional parts only when given. */
function issueFields(issue: NewIssue & Partial<Pick<BulkIssue, "components" | "parentKey" | "points">>) {
  return {
    project: { key: issue.projectKey },
    issuetype: { name: issue.issueType },
    summary: issue.summary,
    description: issue.description,
    priority: { name: issue.priority },
    labels: issue.labels,
    ...(issue.components ? { components: issue.components.map((name) => ({ name })) } : {}),
    ...(issue.parentKey ? { parent: { key: issue.parentKey } } : {}),
    ...(issue.assigneeAccountId ? { assignee: { accountId: issue.assigneeAccountId } } : {}),
    ...(issue.points ? { [issue.points.field]: issue.points.value } : {}),
  };
}

/** A link on the Jira issue back to where it came from (e.g. the Sentry issue); globalId keeps it unique. */
export async function addRemoteLink(
  config: JiraClientConfig,
  issueKey: string,
  { url, title, globalId }: { url: string; title: string; globalId: string },
): Promise<void> {
  const { v3 } = createJiraClients(config);
  await callJira(() =>
    v3.issueRemoteLinks.createOrUpdateRemoteIssueLink({ issueIdOrKey: issueKey, globalId, object: { url, title } }),
  );
}

/** One issue of a bulk create: Epic, Story or Subtask, with its parent (epic or story) when it has one. */
export type BulkIssue = NewIssue & {
  components: string[];
  parentKey?: string | null;
  /** The board's estimation field (e.g. customfield_10016) and the value for it. */
  points?: { field: string; value: number } | null;
};

export type BulkResult = {
  created: { index: number; id: string; key: string }[];
  errors: { index: number; message: string }[];
};

type BulkElementError = {
  failedElementNumber?: number;
  elementErrors?: { errorMessages?: string[]; errors?: unknown };
};

const elementMessage = (e: BulkElementError) =>
  summarizeUpstreamText(
    Object.values((e.elementErrors?.errors ?? {}) as Record<string, string>).join("; ") ||
      (e.elementErrors?.errorMessages ?? []).join("; "),
  ) ?? "rejected";

/**
 * When Jira rejects every issue of a bulk create it answers 400 with
 * `{issues: [], errors: [...]}`, not an ErrorCollection: keep its reasons in
 * the error, or all that is left is "Jira answered 400".
 */
function withElementErrors(error: unknown): IntegrationError {
  const failure = toIntegrationError(error, Date.now());
  const body = (error as { cause?: { response?: { data?: unknown } } } | null)?.cause?.response?.data as
    { errors?: unknown } | undefined;
  if (failure.status !== 400 || !Array.isArray(body?.errors) || body.errors.length === 0) return failure;
  const detail = summarizeUpstreamText(
    (body.errors as BulkElementError[])
      .map((e) => `issue ${(e.failedElementNumber ?? 0) + 1}: ${elementMessage(e)}`)
      .join("; "),
    1_000,
  );
  return new IntegrationError({
    service: "jira",
    reason: failure.reason,
    status: failure.status,
    message: `${failure.message}: ${detail ?? "every issue was rejected"}`,
    cause: error,
  });
}

/** Creates up to 50 issues in one request (Jira's limit); per-item failures come back with their index. */
export async function createIssuesBulk(config: JiraClientConfig, issues: BulkIssue[]): Promise<BulkResult> {
  const { v3 } = createJiraClients(config);
  const answer = await callJira(async () => {
    try {
      return await v3.issues.createIssues({
        issueUpdates: issues.map((issue) => ({ fields: issueFields(issue) as never })),
      });
    } catch (error) {
      throw withElementErrors(error);
    }
  });
  // Jira lists the created issues in request order, skipping the failed ones.
  const failed = new Map((answer.errors ?? []).map((e) => [e.failedElementNumber ?? -1, elementMessage(e)]));
  const created: BulkResult["created"] = [];
  let next = 0;
  for (let index = 0; index < issues.length; index++) {
    if (failed.has(index)) continue;
    const issue = answer.issues?.[next++];
    if (issue?.key && issue.id) created.push({ index, id: issue.id, key: issue.key });
  }
  return { created, errors: [...failed].map(([index, message]) => ({ index, message })) };
}

/** Issue type names of the site, so a plan uses the site's own "Subtask" or "Sub-task". */
export async function listIssueTypes(
  config: JiraClientConfig,
): Promise<{ name: string; subtask: boolean; hierarchyLevel: number }[]> {
  const { v3 } = createJiraClients(config);
  const types = await callJira(() => v3.issueTypes.getIssueAllTypes());
  return types
    .filter((t) => t.name)
    .map((t) => ({ name: t.name as string, subtask: Boolean(t.subtask), hierarchyLevel: t.hierarchyLevel ?? 0 }));
}
