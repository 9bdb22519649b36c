import "server-only";
import { z } from "zod";
import { callJira, createJiraClients } from "./client";
import { jqlString } from "./issues";
import { toIssueSummary } from "./transform";
import type { JiraClientConfig, JiraIssueSummary } from "./types";

/** Account ids per query: keeps the JQL well under Jira's URL and clause limits. */
export const ASSIGNEES_PER_SEARCH = 50;
/** What the members page shows per person, as it did with one search each. */
export const ISSUES_PER_ASSIGNEE = 100;
/** Pages per query (100 issues each): a bound on upstream calls however many issues the people hold. */
const MAX_PAGES = 10;

const assigneeSchema = z.object({ fields: z.object({ assignee: z.object({ accountId: z.string() }).nullish() }) });

/**
 * Open (not done) issues of several people, grouped by assignee, most recently
 * updated first: one paged search per 50 people instead of one per person.
 * Every requested account id is in the answer, with an empty list when it holds nothing.
 */
export async function listOpenIssuesAssignedToAny(
  config: JiraClientConfig,
  accountIds: string[],
): Promise<Record<string, JiraIssueSummary[]>> {
  const ids = [...new Set(accountIds)].sort();
  const grouped: Record<string, JiraIssueSummary[]> = Object.fromEntries(ids.map((id) => [id, []]));
  const { v3 } = createJiraClients(config);
  for (let start = 0; start < ids.length; start += ASSIGNEES_PER_SEARCH) {
    const chunk = ids.slice(start, start + ASSIGNEES_PER_SEARCH);
    const jql = `assignee in (${chunk.map(jqlString).join(", ")}) AND statusCategory != Done ORDER BY updated DESC`;
    let nextPageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await callJira(() =>
        v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
          jql,
          fields: ["summary", "status", "issuetype", "assignee"],
          maxResults: 100,
          nextPageToken,
        }),
      );
      for (const issue of answer.issues ?? []) {
        const assignee = assigneeSchema.safeParse(issue);
        const accountId = assignee.success ? assignee.data.fields.assignee?.accountId : undefined;
        const summary = toIssueSummary(issue);
        const list = accountId !== undefined && Object.hasOwn(grouped, accountId) ? grouped[accountId] : undefined;
        if (summary && list && list.length < ISSUES_PER_ASSIGNEE) list.push(summary);
      }
      nextPageToken = answer.nextPageToken ?? undefined;
      if (!nextPageToken) break;
    }
  }
  return grouped;
}
