import "server-only";
import { listTeam } from "@/lib/db/queries/availability";
import { getJiraConfig } from "@/lib/integrations/connections";
import { readBoards } from "@/lib/integrations/jira/reads";
import { loadErrorsPage, type ErrorFilters, type ErrorsPage } from "./load";

/** Everything the errors page shows: the Sentry issues, who they can be assigned to, and the Jira projects a ticket can go to. */
export type ErrorsView = {
  errors: Exclude<ErrorsPage, { status: "invalid" }>;
  members: { userId: string; name: string }[];
  jiraProjects: string[];
};

type ErrorsViewRequest = { orgId: string; filters: ErrorFilters; requestId: string };

export async function loadErrorsView({ orgId, filters, requestId }: ErrorsViewRequest): Promise<ErrorsView> {
  const [errors, team, jira] = await Promise.all([
    loadErrorsPage({ orgId, filters, requestId }),
    listTeam({ orgId }),
    getJiraConfig({ orgId, requestId }),
  ]);
  // Without Jira's boards the page still triages; it only offers no ticket.
  const jiraProjects = jira
    ? await readBoards({ orgId, config: jira })
        .then((b) => b.value.map((board) => board.projectKey).filter((k): k is string => Boolean(k)))
        .catch(() => [])
    : [];
  return { errors, members: team.map((m) => ({ userId: m.user.id, name: m.user.name })), jiraProjects };
}
