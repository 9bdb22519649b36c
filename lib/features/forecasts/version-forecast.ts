import "server-only";
import { getJiraConfig } from "@/lib/integrations/connections";
import { readBoards } from "@/lib/integrations/jira/reads";
import { loadForecast } from "./page";

/** An unreleased version's forecast as a short summary, for where people already look (the release notes draft). */
export type VersionForecastSummary = { board: string; openIssues: number; p50: string; p85: string };

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The forecast of a fixVersion on the first board of a project the version belongs to; null when Jira is not
 * connected, no board matches, nothing is open or it cannot be forecast (the notes then say nothing rather than guess).
 */
export async function loadVersionForecast({
  orgId,
  version,
  projectKeys,
  now,
  requestId,
}: {
  orgId: string;
  version: string;
  projectKeys: string[];
  now?: Date;
  requestId?: string;
}): Promise<VersionForecastSummary | null> {
  const config = await getJiraConfig({ orgId, requestId });
  if (!config) return null;
  const boards = await readBoards({ orgId, config });
  const board = boards.value.find((b) => b.projectKey !== null && projectKeys.includes(b.projectKey));
  if (!board) return null;
  const result = await loadForecast({
    orgId,
    boardId: board.id,
    target: { kind: "fixVersion", name: version },
    now,
    requestId,
  });
  if (result.status !== "ok" || result.row.forecast.status !== "ok") return null;
  const { forecast, remaining } = result.row;
  return { board: board.name, openIssues: remaining.issues, p50: day(forecast.p50.date), p85: day(forecast.p85.date) };
}
