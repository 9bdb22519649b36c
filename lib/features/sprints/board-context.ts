import "server-only";
import { deriveFocusFactor, deriveInterruptRate } from "@/lib/domain/capacity";
import { listSnapshots, recordPlannedCapacity, type SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";
import { getJiraConfig } from "@/lib/integrations/connections";
import { searchWorkItems, type JiraBoard, type JiraSprint } from "@/lib/integrations/jira";
import { readBoardSetup, readBoards } from "../../integrations/jira/reads";
import { saveSprintSnapshot } from "./save-snapshot";
import { closeOfSprint, startOfSprint } from "./snapshots";
import { availablePersonDays, loadTeam, teamCapacityPoints } from "./team-capacity";

/** Points a person delivers per available day when a board has no usable history yet. */
export const DEFAULT_FOCUS_FACTOR = 1;
/** Closed sprints the dashboard's velocity and factors use; the sprint reports' backfill keeps up to 26. */
export const HISTORY_SPRINTS = 6;

/** Who a board's team is, how fast they deliver, and its sprints: shared by the dashboard and planning. */
export async function loadBoardContext(options: {
  orgId: string;
  boardId?: number;
  force?: boolean;
  now?: Date;
  requestId?: string;
}) {
  const sprints = await loadBoardSprints(options);
  return sprints.status === "ok" ? loadBoardTeam(sprints, options) : sprints;
}

/**
 * The first half: the board and its sprints, from Jira (cached). Callers that
 * also need the active sprint's issues start that read as soon as this
 * returns, alongside `loadBoardTeam`'s database work, not after it.
 */
export async function loadBoardSprints({
  orgId,
  boardId,
  force = false,
  requestId,
}: {
  orgId: string;
  boardId?: number;
  force?: boolean;
  requestId?: string;
}) {
  const config = await getJiraConfig({ orgId, requestId });
  if (!config) return { status: "not-connected" as const };
  const boards = await readBoards({ orgId, config, force });
  const board = boards.value.find((b) => b.id === boardId) ?? boards.value[0];
  if (!board) return { status: "no-boards" as const };

  const setup = await readBoardSetup({ orgId, config, force, boardId: board.id });
  const { estimationField, sprints } = setup.value;
  const activeSprint = sprints.find((s) => s.state === "active") ?? null;
  const closed = sprints.filter((s) => s.state === "closed").slice(-HISTORY_SPRINTS);
  return { status: "ok" as const, config, boards, board, setup, estimationField, sprints, activeSprint, closed };
}

type BoardSprints = Extract<Awaited<ReturnType<typeof loadBoardSprints>>, { status: "ok" }>;

/** The second half: sprint snapshots, the board's team and its velocity figures. */
export async function loadBoardTeam(board: BoardSprints, { orgId, now = new Date() }: { orgId: string; now?: Date }) {
  const { config, estimationField, closed, activeSprint } = board;
  const snapshots = await recordSnapshots({
    orgId,
    board: board.board,
    config,
    estimationField,
    closed,
    activeSprint,
    now,
  });
  const history = closed.map((s) => snapshots.close.get(s.id)).filter((s) => s !== undefined);

  const { team, focusFactor } = await teamAndFocus({
    orgId,
    snapshots: [...snapshots.start.values(), ...snapshots.close.values()],
    history,
    until: activeSprint?.endDate ?? now.toISOString(),
    now,
  });
  // Backfilled sprints cannot know what was added after the start.
  const interruptRate = deriveInterruptRate(
    history
      .filter((s) => (s.issues as SnapshotIssues).source === "observed")
      .map((s) => ({ committedPoints: s.committedPoints, addedPoints: s.addedPoints })),
  );
  await recordStartCapacity({ orgId, boardId: board.board.id, activeSprint, snapshots, team, focusFactor });
  return { ...board, snapshots, history, team, focusFactor, interruptRate };
}

/**
 * The capacity the active sprint is planned with, kept on its start snapshot for the sprint report's capacity
 * accuracy. A webhook's start snapshot is taken before anyone looks at the team, so the capacity is recorded the
 * first time the dashboard or planning page sees the sprint running (from the availability known then).
 */
async function recordStartCapacity({
  orgId,
  boardId,
  activeSprint,
  snapshots,
  team,
  focusFactor,
}: {
  orgId: string;
  boardId: number;
  activeSprint: JiraSprint | null;
  snapshots: { start: Map<number, SnapshotRow> };
  team: Awaited<ReturnType<typeof loadTeam>>;
  focusFactor: number;
}) {
  const start = activeSprint ? snapshots.start.get(activeSprint.id) : undefined;
  if (!activeSprint?.startDate || !activeSprint.endDate || !start || start.plannedCapacity !== null) return;
  const sprint = { startDate: activeSprint.startDate, endDate: activeSprint.endDate };
  const plannedCapacity = teamCapacityPoints(team, sprint, focusFactor);
  if (await recordPlannedCapacity({ orgId, boardId, sprintId: activeSprint.id, plannedCapacity }))
    start.plannedCapacity = plannedCapacity;
}

/**
 * The board's team (who has worked on its sprints, as the snapshots show) with their availability, and the points
 * per available person-day its closed sprints delivered. Reads only PostgreSQL.
 */
async function teamAndFocus({
  orgId,
  snapshots,
  history,
  until,
  now,
}: {
  orgId: string;
  snapshots: SnapshotRow[];
  history: SnapshotRow[];
  until: string;
  now: Date;
}) {
  const orgTeam = await loadTeam({
    orgId,
    from: (history[0]?.sprintStart ?? now).toISOString(),
    to: addDays(until, 60),
  });
  // A board's team is who has worked on it lately, not the whole org.
  const boardPeople = new Set(
    snapshots.flatMap((s) => (s.issues as SnapshotIssues).items.map((i) => i.assigneeAccountId)),
  );
  const team = orgTeam.filter((member) => boardPeople.has(member.accountId));
  const focusFactor = deriveFocusFactor(
    history.map((s) => ({
      completedPoints: s.completedPoints,
      availablePersonDays:
        s.sprintStart && s.sprintEnd
          ? availablePersonDays(team, { startDate: s.sprintStart.toISOString(), endDate: s.sprintEnd.toISOString() })
          : 0,
    })),
    DEFAULT_FOCUS_FACTOR,
  );
  return { team, focusFactor };
}

/**
 * The capacity a sprint starts with, from what Bosun stores (the board's snapshots, the team's availability): the
 * webhook's start snapshot records it at the moment. Null for a sprint without dates.
 */
export async function plannedCapacityAtStart({
  orgId,
  boardId,
  sprint,
  now,
}: {
  orgId: string;
  boardId: number;
  sprint: { id: number; startDate: string | null; endDate: string | null };
  now: Date;
}): Promise<number | null> {
  if (!sprint.startDate || !sprint.endDate) return null;
  const snapshots = (await listSnapshots({ orgId, boardId })).filter((s) => s.sprintId !== sprint.id);
  const history = snapshots
    .filter((s) => s.kind === "close" && s.sprintStart !== null)
    .sort((a, b) => a.sprintStart!.getTime() - b.sprintStart!.getTime())
    .slice(-HISTORY_SPRINTS);
  const { team, focusFactor } = await teamAndFocus({ orgId, snapshots, history, until: sprint.endDate, now });
  return teamCapacityPoints(team, { startDate: sprint.startDate, endDate: sprint.endDate }, focusFactor);
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

type SnapshotRow = Awaited<ReturnType<typeof listSnapshots>>[number];

/**
 * Takes the snapshots that are still missing: start of the active sprint (first seen), close of each closed
 * sprint. Jira's webhooks and the reconciliation pass record them at the moment; a page load records one
 * ("observed") only where neither has, and never replaces one.
 */
async function recordSnapshots({
  orgId,
  board,
  config,
  estimationField,
  closed,
  activeSprint,
  now,
}: {
  orgId: string;
  board: JiraBoard;
  config: NonNullable<Awaited<ReturnType<typeof getJiraConfig>>>;
  estimationField: string | null;
  closed: JiraSprint[];
  activeSprint: JiraSprint | null;
  now: Date;
}) {
  const existing = await listSnapshots({ orgId, boardId: board.id });
  const start = new Map<number, SnapshotRow>(existing.filter((s) => s.kind === "start").map((s) => [s.sprintId, s]));
  const close = new Map<number, SnapshotRow>(existing.filter((s) => s.kind === "close").map((s) => [s.sprintId, s]));

  const common = { orgId, boardId: board.id, takenAt: now };
  for (const sprint of closed.filter((s) => !close.has(s.id))) {
    const items = await searchWorkItems(config, `sprint = ${sprint.id}`, estimationField);
    const startIssues = (start.get(sprint.id)?.issues as SnapshotIssues | undefined) ?? null;
    const numbers = closeOfSprint(sprint, startIssues, items);
    const origin = startIssues ? "observed" : "backfill";
    close.set(sprint.id, await saveSprintSnapshot({ ...common, sprint, kind: "close", numbers, origin }));
  }
  if (activeSprint && !start.has(activeSprint.id)) {
    const items = await searchWorkItems(config, `sprint = ${activeSprint.id}`, estimationField);
    const numbers = startOfSprint(items);
    start.set(
      activeSprint.id,
      await saveSprintSnapshot({ ...common, sprint: activeSprint, kind: "start", numbers, origin: "observed" }),
    );
  }
  return { start, close };
}
