import "server-only";
import type { ThroughputSprint } from "@/lib/domain/forecast";
import { getJiraConfig } from "@/lib/integrations/connections";
import type { JiraBoard, JiraSprint } from "@/lib/integrations/jira";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { readBoardSetup, readBoards } from "@/lib/integrations/jira/reads";
import { forecastRows, forecastTarget, type ForecastRow, type ForecastTarget } from "./forecast-rows";
import { readOpenWork } from "./open-work";
import { loadThroughput } from "./throughput";
import { ensureSprintHistory } from "@/lib/features/sprint-reports";

export type Freshness = { fetchedAt: Date; stale: boolean; error: string | null };

type BoardForecasts = {
  status: "ok";
  boards: JiraBoard[];
  board: JiraBoard;
  activeSprint: JiraSprint | null;
  history: ThroughputSprint[];
  /** No closed sprint is recorded yet and the sprint-history fill was asked for: it will be, shortly. */
  historyFilling: boolean;
  /** The Jira reads' age: the oldest of boards, sprints and open work. */
  freshness: Freshness;
};

export type ForecastsPage =
  | { status: "not-connected" }
  | { status: "unavailable"; message: string }
  | { status: "no-boards" }
  /** The board asked for is not one of this org's (or does not exist): the same answer either way. */
  | { status: "not-found" }
  /** The board is not tied to one project, so its open work has no JQL. */
  | { status: "no-project"; boards: JiraBoard[]; board: JiraBoard }
  | (BoardForecasts & { epics: ForecastRow[]; versions: ForecastRow[] });

type LoadOptions = { orgId: string; boardId?: number; force?: boolean; now?: Date; requestId?: string };

const oldest = (parts: Freshness[]): Freshness => ({
  fetchedAt: new Date(Math.min(...parts.map((p) => p.fetchedAt.getTime()))),
  stale: parts.some((p) => p.stale),
  error: parts.find((p) => p.error)?.error ?? null,
});

/**
 * The board's reads behind every forecast: its sprints and open work from Jira (cached per org), its throughput
 * from the close snapshots in PostgreSQL. Without a boardId the org's first board is used.
 */
async function loadBoardWork({ orgId, boardId, force = false, requestId }: LoadOptions) {
  const config = await getJiraConfig({ orgId, requestId });
  if (!config) return { status: "not-connected" as const };
  const boards = await readBoards({ orgId, config, force });
  if (boards.value.length === 0) return { status: "no-boards" as const };
  const board = boardId === undefined ? boards.value[0]! : boards.value.find((b) => b.id === boardId);
  if (!board) return { status: "not-found" as const };
  if (!board.projectKey) return { status: "no-project" as const, boards: boards.value, board };

  const [setup, history] = await Promise.all([
    readBoardSetup({ orgId, config, force, boardId: board.id }),
    loadThroughput({ orgId, boardId: board.id }),
  ]);
  // No recorded sprint yet: the sprint reports' history fill (up to 26 closed sprints) is asked for once.
  const historyFilling = history.length === 0 && (await ensureSprintHistory({ orgId, boardId: board.id })).filling;
  const work = await readOpenWork({
    orgId,
    config,
    boardId: board.id,
    projectKey: board.projectKey,
    pointsField: setup.value.estimationField,
    force,
  });
  return {
    status: "ok" as const,
    boards: boards.value,
    board,
    activeSprint: setup.value.sprints.find((s) => s.state === "active") ?? null,
    history,
    historyFilling,
    work: work.value,
    freshness: oldest([boards, setup, work]),
  };
}

async function guarded<T>(load: () => Promise<T>): Promise<T | { status: "unavailable"; message: string }> {
  try {
    return await load();
  } catch (error) {
    // Only when nothing is cached yet: with cached data the reads fall back to it, marked stale.
    if (error instanceof IntegrationError) return { status: "unavailable", message: integrationErrorText(error) };
    throw error;
  }
}

const activeEnd = (sprint: JiraSprint | null) => (sprint?.endDate ? new Date(sprint.endDate) : null);

/** The Forecasts page: each open epic's and unreleased fixVersion's remaining work and completion forecast. */
export async function loadForecastsPage(options: LoadOptions): Promise<ForecastsPage> {
  const now = options.now ?? new Date();
  return guarded(async () => {
    const loaded = await loadBoardWork(options);
    if (loaded.status !== "ok") return loaded;
    const { work, ...rest } = loaded;
    const rows = forecastRows(work, { history: rest.history, activeSprintEnd: activeEnd(rest.activeSprint), now });
    return { ...rest, ...rows };
  });
}

export type SingleForecast =
  | Exclude<ForecastsPage, { status: "ok" }>
  /** The board's open work holds nothing of this epic or fixVersion: finished, or not on this board. */
  | { status: "no-open-work"; board: JiraBoard }
  | (BoardForecasts & { row: ForecastRow });

/** One epic's or fixVersion's forecast (the MCP tool's answer), with a share of the throughput when given. */
export async function loadForecast(
  options: LoadOptions & { boardId: number; target: ForecastTarget; share?: number },
): Promise<SingleForecast> {
  const now = options.now ?? new Date();
  return guarded(async () => {
    const loaded = await loadBoardWork(options);
    if (loaded.status !== "ok") return loaded;
    const { work, ...rest } = loaded;
    const row = forecastTarget(work, options.target, {
      history: rest.history,
      activeSprintEnd: activeEnd(rest.activeSprint),
      now,
      share: options.share,
    });
    return row ? { ...rest, row } : { status: "no-open-work" as const, board: rest.board };
  });
}
