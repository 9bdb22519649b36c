import "server-only";
import { deriveFocusFactor, deriveInterruptRate, sprintHealth, suggestedBufferPercent, velocity, type SprintHealth, type Velocity } from "@/lib/domain/capacity";
import { listSnapshots, saveSnapshot, type SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";
import { getJiraConfig } from "@/lib/integrations/connections";
import { searchWorkItems, type JiraBoard, type JiraSprint, type JiraWorkItem } from "@/lib/integrations/jira";
import { readBoards, readBoardSetup, readIssuesByKey, readSprintIssues } from "./jira-reads";
import { backfillClosedSprint, closeAgainstStart, snapshotItems } from "./snapshots";
import { availablePersonDays, capacities, loadTeam } from "./team-capacity";

/** Points a person delivers per available day when a board has no usable history yet. */
export const DEFAULT_FOCUS_FACTOR = 1;
const HISTORY_SPRINTS = 6;

export type Freshness = { fetchedAt: Date; stale: boolean; error: string | null };

export type SprintDashboard =
  | { status: "not-connected" }
  | { status: "no-boards" }
  | {
      status: "ok";
      boards: JiraBoard[];
      board: JiraBoard;
      activeSprint: JiraSprint | null;
      nextSprint: JiraSprint | null;
      health: SprintHealth | null;
      velocity: Velocity;
      focusFactor: number;
      interruptRate: number;
      suggestedBufferPercent: number;
      freshness: Freshness;
      estimationField: string | null;
    };

const oldest = (parts: Freshness[]): Freshness => ({
  fetchedAt: new Date(Math.min(...parts.map((p) => p.fetchedAt.getTime()))),
  stale: parts.some((p) => p.stale),
  error: parts.find((p) => p.error)?.error ?? null,
});

/**
 * Everything the sprint capacity page shows for one board. Reads go through the
 * per-org cache; snapshots are taken as sprints are first seen active or
 * closed, and closed sprints from before Bosun are backfilled once.
 */
export async function loadSprintDashboard({ orgId, boardId, force = false, now = new Date(), requestId }: { orgId: string; boardId?: number; force?: boolean; now?: Date; requestId?: string }): Promise<SprintDashboard> {
  const config = await getJiraConfig({ orgId, requestId });
  if (!config) return { status: "not-connected" };
  const boards = await readBoards({ orgId, config, force });
  const board = boards.value.find((b) => b.id === boardId) ?? boards.value[0];
  if (!board) return { status: "no-boards" };

  const setup = await readBoardSetup({ orgId, config, force, boardId: board.id });
  const { estimationField, sprints } = setup.value;
  const activeSprint = sprints.find((s) => s.state === "active") ?? null;
  const nextSprint = sprints.find((s) => s.state === "future") ?? null;
  const closed = sprints.filter((s) => s.state === "closed").slice(-HISTORY_SPRINTS);

  const snapshots = await recordSnapshots({ orgId, board, config, estimationField, closed, activeSprint, now });
  const history = closed.map((s) => snapshots.close.get(s.id)).filter((s) => s !== undefined);
  const orgTeam = await loadTeam({ orgId, from: (history[0]?.sprintStart ?? now).toISOString(), to: activeSprint?.endDate ?? now.toISOString() });
  // A board's team is who has worked on it lately, not the whole org.
  const boardPeople = new Set([...snapshots.start.values(), ...snapshots.close.values()].flatMap((s) => (s.issues as SnapshotIssues).items.map((i) => i.assigneeAccountId)));
  const team = orgTeam.filter((member) => boardPeople.has(member.accountId));
  const focusFactor = deriveFocusFactor(
    history.map((s) => ({ completedPoints: s.completedPoints, availablePersonDays: s.sprintStart && s.sprintEnd ? availablePersonDays(team, { startDate: s.sprintStart.toISOString(), endDate: s.sprintEnd.toISOString() }) : 0 })),
    DEFAULT_FOCUS_FACTOR,
  );
  // Backfilled sprints cannot know what was added after the start.
  const interruptRate = deriveInterruptRate(history.filter((s) => (s.issues as SnapshotIssues).source === "observed").map((s) => ({ committedPoints: s.committedPoints, addedPoints: s.addedPoints })));
  const velocityResult = velocity(history.map((s) => ({ sprintId: s.sprintId, name: s.sprintName, startedAt: (s.sprintStart ?? s.takenAt).toISOString(), committedPoints: s.committedPoints, completedPoints: s.completedPoints })), HISTORY_SPRINTS);

  const freshness: Freshness[] = [boards, setup];
  let health: SprintHealth | null = null;
  if (activeSprint?.startDate && activeSprint.endDate) {
    const issues = await readSprintIssues({ orgId, config, force, sprintId: activeSprint.id, pointsField: estimationField });
    const outsideBlockers = issues.value.flatMap((i) => i.blockedBy.map((b) => b.key)).filter((key) => !issues.value.some((i) => i.key === key));
    const blockers = await readIssuesByKey({ orgId, config, force, keys: outsideBlockers, pointsField: estimationField });
    freshness.push(issues, blockers);
    const startSnapshot = snapshots.start.get(activeSprint.id);
    const previous = closed.at(-1);
    health = sprintHealth({
      issues: issues.value.map((item) => toHealthIssue(item, activeSprint, blockers.value, sprints)),
      people: capacities(team, { startDate: activeSprint.startDate, endDate: activeSprint.endDate }, focusFactor).map((p) => ({ accountId: p.accountId, name: p.name, capacityPoints: p.capacityPoints })),
      startSnapshot: startSnapshot ? { keys: (startSnapshot.issues as SnapshotIssues).items.map((i) => i.key), committedPoints: startSnapshot.committedPoints } : null,
      previousSprintKeys: previous ? ((snapshots.close.get(previous.id)?.issues as SnapshotIssues | undefined)?.items.map((i) => i.key) ?? []) : [],
      sprintIssueKeysByLaterSprint: {},
      now,
    });
  }

  return {
    status: "ok",
    boards: boards.value,
    board,
    activeSprint,
    nextSprint,
    health,
    velocity: velocityResult,
    focusFactor,
    interruptRate,
    suggestedBufferPercent: suggestedBufferPercent(interruptRate),
    freshness: oldest(freshness),
    estimationField,
  };
}

function toHealthIssue(item: JiraWorkItem, active: JiraSprint, outside: JiraWorkItem[], sprints: JiraSprint[]) {
  return {
    key: item.key,
    summary: item.summary,
    points: item.points,
    statusCategory: item.statusCategory,
    assigneeAccountId: item.assigneeAccountId,
    component: item.components[0] ?? null,
    blockedBy: item.blockedBy.map((blocker) => {
      const found = outside.find((o) => o.key === blocker.key);
      // A blocker inside the active sprint is not in `outside`.
      const sprint = found ? sprints.filter((s) => found.sprintIds.includes(s.id)).at(-1) : active;
      return { key: blocker.key, statusCategory: blocker.statusCategory, sprintState: sprint && sprint.state !== "closed" ? sprint.state : null, sprintStartDate: sprint?.startDate ?? undefined };
    }),
  };
}

type SnapshotRow = Awaited<ReturnType<typeof listSnapshots>>[number];

/** Takes the snapshots that are due: start of the active sprint (first seen), close of each closed sprint. */
async function recordSnapshots({ orgId, board, config, estimationField, closed, activeSprint, now }: { orgId: string; board: JiraBoard; config: NonNullable<Awaited<ReturnType<typeof getJiraConfig>>>; estimationField: string | null; closed: JiraSprint[]; activeSprint: JiraSprint | null; now: Date }) {
  const existing = await listSnapshots({ orgId, boardId: board.id });
  const start = new Map<number, SnapshotRow>(existing.filter((s) => s.kind === "start").map((s) => [s.sprintId, s]));
  const close = new Map<number, SnapshotRow>(existing.filter((s) => s.kind === "close").map((s) => [s.sprintId, s]));
  const dates = (s: JiraSprint) => ({ sprintStart: s.startDate ? new Date(s.startDate) : null, sprintEnd: s.endDate ? new Date(s.endDate) : null });

  for (const sprint of closed.filter((s) => !close.has(s.id))) {
    const items = await searchWorkItems(config, `sprint = ${sprint.id}`, estimationField);
    const startIssues = start.get(sprint.id)?.issues as SnapshotIssues | undefined;
    const numbers = startIssues ? closeAgainstStart(startIssues, items) : backfillClosedSprint(sprint, items);
    close.set(sprint.id, await saveSnapshot({ orgId, boardId: board.id, sprintId: sprint.id, sprintName: sprint.name, kind: "close", takenAt: now, ...dates(sprint), ...numbers }));
  }
  if (activeSprint && !start.has(activeSprint.id)) {
    const items = await searchWorkItems(config, `sprint = ${activeSprint.id}`, estimationField);
    const committed = items.reduce((total, i) => total + (i.points ?? 0), 0);
    start.set(activeSprint.id, await saveSnapshot({ orgId, boardId: board.id, sprintId: activeSprint.id, sprintName: activeSprint.name, kind: "start", takenAt: now, ...dates(activeSprint), committedPoints: committed, completedPoints: 0, addedPoints: 0, removedPoints: 0, issues: snapshotItems(items, "observed") }));
  }
  return { start, close };
}
