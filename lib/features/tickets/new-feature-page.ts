import "server-only";
import { getJiraConfig } from "@/lib/integrations/connections";
import { readBoards } from "@/lib/integrations/jira/reads";

/** The new-feature form needs Jira; `projects` are the keys of its boards' projects, empty when Jira cannot list them now. */
export type NewFeaturePage = { jira: "not-connected" } | { jira: "connected"; projects: string[] };

export async function loadNewFeaturePage({ orgId }: { orgId: string }): Promise<NewFeaturePage> {
  const jira = await getJiraConfig({ orgId });
  if (!jira) return { jira: "not-connected" };
  const boards = await readBoards({ orgId, config: jira }).catch(() => null);
  return {
    jira: "connected",
    projects: [...new Set((boards?.value ?? []).map((b) => b.projectKey).filter((k): k is string => Boolean(k)))],
  };
}
