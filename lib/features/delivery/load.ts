import "server-only";
import {
  listDeployEnvironments,
  listDeploysSince,
  listIncidentsSince,
  listPullRequestsForShas,
  listReleaseCommits,
} from "@/lib/db/queries/delivery-history";
import { computeDora, DEFAULT_ENVIRONMENT, type DoraReport, type DoraWindowDays } from "@/lib/domain/dora";
import { HISTORY_DAYS } from "./constants";
import { ensureDeliveryHistory, type HistoryState } from "./history-job";

export const DORA_WINDOWS: readonly DoraWindowDays[] = [30, 90, 180];

export type DoraFilters = { days: DoraWindowDays; environment: string; project: string | null };

/** The page's and the export's filters from a query string; anything unknown falls back to the default. */
export function parseDoraFilters(params: URLSearchParams): DoraFilters {
  const days = Number(params.get("days"));
  const environment = params.get("environment")?.trim();
  const project = params.get("project")?.trim();
  return {
    days: (DORA_WINDOWS as readonly number[]).includes(days) ? (days as DoraWindowDays) : 30,
    environment: environment ? environment.slice(0, 64) : DEFAULT_ENVIRONMENT,
    project: project ? project.slice(0, 100) : null,
  };
}

export type DoraPage = {
  report: DoraReport;
  history: HistoryState;
  environments: string[];
  projects: string[];
};

/**
 * The four keys for the org from its stored delivery history (PostgreSQL only: no upstream request). Deploys are
 * read back a further 180 days before the window, so a release first deployed before the window is not taken for
 * one first deployed in it.
 */
export async function loadDoraPage({
  orgId,
  filters,
  now = new Date(),
}: {
  orgId: string;
  filters: DoraFilters;
  now?: Date;
}): Promise<DoraPage> {
  const history = await ensureDeliveryHistory({ orgId });
  const from = new Date(now.getTime() - filters.days * 86_400_000);
  const [deploys, incidents, environments] = await Promise.all([
    listDeploysSince({ orgId, since: new Date(from.getTime() - HISTORY_DAYS * 86_400_000) }),
    // A failure counts against a deploy it follows, so only failures from the window's start can count in it.
    listIncidentsSince({ orgId, since: from }),
    listDeployEnvironments({ orgId }),
  ]);
  // Commits of every deployed release: those that reached only other environments are reported as left out.
  const versions = [...new Set(deploys.map((d) => d.version))];
  const commits = await listReleaseCommits({ orgId, versions });
  const pullRequests = await listPullRequestsForShas({ orgId, shas: [...new Set(commits.map((c) => c.sha))] });
  const report = computeDora(
    {
      deploys: deploys.map((d) => ({
        id: d.sentryId,
        version: d.version,
        environment: d.environment,
        dateFinished: d.dateFinished,
        projects: d.projects,
      })),
      commits,
      pullRequests,
      incidents,
    },
    { environment: filters.environment, project: filters.project, windowDays: filters.days, now },
  );
  const projects = [...new Set(deploys.flatMap((d) => d.projects))].sort();
  return { report, history, environments, projects };
}
