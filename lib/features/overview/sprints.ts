import "server-only";
import {
  oldestFreshness,
  sprintRows,
  type PanelFreshness,
  type SprintLoad,
  type SprintRow,
} from "@/lib/domain/overview";
import type { OrgRead } from "@/lib/platform/org-read";
import { loadBoardReports } from "@/lib/features/sprint-reports";
import { loadSprintDashboard, type SprintDashboard } from "@/lib/features/sprints";

/** A board with no sprint to weigh: none running, one without dates (no capacity to count), or Jira not answering. */
export type IdleBoard = {
  boardId: number;
  boardName: string;
  reason: "no-active-sprint" | "no-dates" | "unavailable";
};

export type OverviewSprints =
  | { status: "not-connected" }
  | { status: "unavailable"; message: string }
  | { status: "no-boards" }
  | { status: "ok"; rows: SprintRow[]; idle: IdleBoard[]; freshness: PanelFreshness };

type LoadedDashboard = Extract<SprintDashboard, { status: "ok" }>;
type RunningSprint = {
  board: LoadedDashboard["board"];
  sprint: NonNullable<LoadedDashboard["activeSprint"]>;
  health: NonNullable<LoadedDashboard["health"]>;
};

/**
 * Every board's running sprint: committed against capacity, days left, conflicts and the burndown so far. Each
 * board is the sprints page's own dashboard read (Jira through the per-org cache, so a warm view asks Jira nothing),
 * and the burndown is the sprint report's, from what Bosun recorded and the cached sprint issues.
 */
export async function loadOverviewSprints({ orgId, now = new Date(), requestId }: OrgRead): Promise<OverviewSprints> {
  const first = await loadSprintDashboard({ orgId, now, requestId });
  if (first.status !== "ok") return first;
  const others = await Promise.all(
    first.boards
      .filter((board) => board.id !== first.board.id)
      .map(async (board) => ({
        board,
        dashboard: await loadSprintDashboard({ orgId, boardId: board.id, now, requestId }),
      })),
  );
  const loaded: LoadedDashboard[] = [first];
  const idle: IdleBoard[] = [];
  for (const { board, dashboard } of others) {
    if (dashboard.status === "ok") loaded.push(dashboard);
    else idle.push({ boardId: board.id, boardName: board.name, reason: "unavailable" });
  }

  const running: RunningSprint[] = [];
  for (const { board, activeSprint, health } of loaded) {
    if (!activeSprint) idle.push({ boardId: board.id, boardName: board.name, reason: "no-active-sprint" });
    else if (!health) idle.push({ boardId: board.id, boardName: board.name, reason: "no-dates" });
    else running.push({ board, sprint: activeSprint, health });
  }
  const loads = await Promise.all(running.map((sprint) => sprintLoadOf({ orgId, running: sprint, now })));
  return {
    status: "ok",
    rows: sprintRows(loads, now),
    idle: idle.sort((a, b) => a.boardName.localeCompare(b.boardName)),
    freshness: oldestFreshness(
      loaded.map((d) => d.freshness),
      now,
    ),
  };
}

async function sprintLoadOf({
  orgId,
  running: { board, sprint, health },
  now,
}: {
  orgId: string;
  running: RunningSprint;
  now: Date;
}): Promise<SprintLoad> {
  return {
    boardId: board.id,
    boardName: board.name,
    sprintName: sprint.name,
    capacityPoints: health.capacityPoints,
    committedPoints: health.committedPoints,
    completedPoints: health.completedPoints,
    remainingPoints: health.remainingPoints,
    endDate: sprint.endDate,
    conflictCount: health.conflicts.length,
    burndown: await burndownOf({ orgId, boardId: board.id, sprintId: sprint.id, now }),
  };
}

/** The running sprint's days so far, from its sprint report (PostgreSQL and the cached sprint issues only). */
async function burndownOf({
  orgId,
  boardId,
  sprintId,
  now,
}: {
  orgId: string;
  boardId: number;
  sprintId: number;
  now: Date;
}): Promise<SprintLoad["burndown"]> {
  const reports = await loadBoardReports({ orgId, boardId, now });
  const running = reports.find((r) => r.sprintId === sprintId && r.state === "active");
  return (running?.report.burn.days ?? []).map(({ day, remaining, ideal }) => ({ day, remaining, ideal }));
}
