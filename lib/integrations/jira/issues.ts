import "server-only";
import { callJira, createJiraClients } from "./client";
import { toIssueSummary } from "./transform";
import type { JiraClientConfig, JiraIssueSummary } from "./types";

/** Jira account ids are opaque strings; quote them for JQL rather than trust their shape. */
function jqlString(value: string) {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** Issues assigned to one person that are not done, most recently updated first (at most 100). */
export async function listOpenIssuesAssignedTo(config: JiraClientConfig, accountId: string): Promise<JiraIssueSummary[]> {
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
  description: object;
  priority: string;
  labels: string[];
  assigneeAccountId?: string | null;
};

export async function createIssue(config: JiraClientConfig, issue: NewIssue): Promise<{ id: string; key: string }> {
  const { v3 } = createJiraClients(config);
  const created = await callJira(() =>
    v3.issues.createIssue({
      fields: {
        project: { key: issue.projectKey },
        issuetype: { name: issue.issueType },
        summary: issue.summary,
        description: issue.description as never,
        priority: { name: issue.priority },
        labels: issue.labels,
        ...(issue.assigneeAccountId ? { assignee: { accountId: issue.assigneeAccountId } } : {}),
      },
    }),
  );
  return { id: created.id, key: created.key };
}

/** A link on the Jira issue back to where it came from (e.g. the Sentry issue); globalId keeps it unique. */
export async function addRemoteLink(config: JiraClientConfig, issueKey: string, { url, title, globalId }: { url: string; title: string; globalId: string }): Promise<void> {
  const { v3 } = createJiraClients(config);
  await callJira(() => v3.issueRemoteLinks.createOrUpdateRemoteIssueLink({ issueIdOrKey: issueKey, globalId, object: { url, title } }));
}
