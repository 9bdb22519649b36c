import "server-only";
import { z } from "zod";
import { toWorkItem, workItemFields } from "./agile-transform";
import { callJira, createJiraClients } from "./client";
import type { JiraClientConfig, JiraWorkItem } from "./types";

/**
 * Issues as the Insights forecasts and quality figures need them: a work item plus when it was created and the
 * fixVersions it is planned for (with whether each is released), from one paged search.
 */
export type JiraTrackedIssue = JiraWorkItem & {
  created: string | null;
  fixVersions: { name: string; released: boolean }[];
};

/** Pages per search (100 issues each): a bound on upstream calls for one read. */
const MAX_PAGES = 50;

const extraSchema = z.object({
  fields: z
    .object({
      created: z.string().nullish(),
      fixVersions: z.array(z.object({ name: z.string(), released: z.boolean().optional() })).nullish(),
    })
    .passthrough(),
});

/** Pure: one search answer's issue as a tracked issue, or null when it is malformed. */
export function toTrackedIssue(answer: unknown, pointsField: string | null): JiraTrackedIssue | null {
  const item = toWorkItem(answer, pointsField);
  const extra = extraSchema.safeParse(answer);
  if (!item || !extra.success) return null;
  const { created, fixVersions } = extra.data.fields;
  return {
    ...item,
    created: created ?? null,
    fixVersions: (fixVersions ?? []).map((v) => ({ name: v.name, released: v.released ?? false })),
  };
}

export async function searchTrackedIssues(
  config: JiraClientConfig,
  jql: string,
  pointsField: string | null,
): Promise<JiraTrackedIssue[]> {
  const { v3 } = createJiraClients(config);
  const issues: JiraTrackedIssue[] = [];
  let nextPageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await callJira(() =>
      v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
        jql,
        fields: [...workItemFields(pointsField), "created", "fixVersions"],
        maxResults: 100,
        nextPageToken,
      }),
    );
    for (const raw of answer.issues ?? []) {
      const issue = toTrackedIssue(raw, pointsField);
      if (issue) issues.push(issue);
    }
    nextPageToken = answer.nextPageToken ?? undefined;
    if (!nextPageToken) break;
  }
  return issues;
}
