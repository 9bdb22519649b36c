import "server-only";
import {
  againstHistory,
  MAX_TREND_SPRINTS,
  sprintReport,
  sprintTrends,
  type AgainstHistory,
  type ReportItem,
  type SprintReport,
  type SprintTrends,
} from "@/lib/domain/sprint-report";
import { readCacheEntry } from "@/lib/db/queries/cache";
import { listScopeChanges } from "@/lib/db/queries/sprint-scope";
import { findSprintHistoryBackfill, listSnapshotBoardIds, listSnapshots } from "@/lib/db/queries/sprint-snapshots";
import { getJiraConfig } from "@/lib/integrations/connections";
import type { JiraBoard, JiraWorkItem } from "@/lib/integrations/jira";
import { requestSprintHistory } from "./history";
import {
  groupSprints,
  issuesOf,
  reportSprintOf,
  toReportChange,
  toReportItem,
  workItemToReportItem,
  type SprintRecord,
} from "./report-input";

/**
 * What the sprint reports show, read from PostgreSQL only: the snapshots and scope changes Bosun recorded, and for
 * names and a running sprint's statuses the org's cached Jira reads at whatever age they are. A page view makes no
 * upstream request; where the history is missing it asks for the backfill job and says the history is filling.
 */
/** Bosun keeps no time zone per org yet, so report days are UTC days. */
export const REPORT_TIME_ZONE = "UTC";

export type ReportBoard = { id: number; name: string };

export type BoardSprintReport = {
  sprintId: number;
  name: string;
  state: "active" | "closed";
  startDate: string;
  endDate: string | null;
  completeDate: string | null;
  plannedCapacity: number | null;
  /** How the close (or the start, for a running sprint) was recorded. */
  origin: string;
  report: SprintReport;
  /** For a running sprint: when the statuses its carryover shows were read from Jira (null: the start's). */
  statusesReadAt: string | null;
};

export type HistoryState = {
  filling: boolean;
  /** False when Jira is not connected: there is no history to read. */
  connected: boolean;
  completedAt: string | null;
  reachedBack: string | null;
  note: string | null;
};

async function cachedValue<T>(orgId: string, key: string): Promise<{ value: T; fetchedAt: Date } | null> {
  const entry = await readCacheEntry({ orgId, key });
  return entry?.changed ? { value: entry.value as T, fetchedAt: entry.fetchedAt } : null;
}

/** The org's boards: those Jira listed (cached) and those Bosun holds snapshots of. */
export async function listReportBoards({ orgId }: { orgId: string }): Promise<ReportBoard[]> {
  const [cached, withSnapshots] = await Promise.all([
    cachedValue<JiraBoard[]>(orgId, "jira:boards"),
    listSnapshotBoardIds({ orgId }),
  ]);
  const boards = new Map((cached?.value ?? []).map((b) => [b.id, { id: b.id, name: b.name }]));
  for (const id of withSnapshots) if (!boards.has(id)) boards.set(id, { id, name: `Board ${id}` });
  return [...boards.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

/**
 * Whether the history is there; when it is not (never backfilled, or a board with no snapshot yet), asks for the
 * backfill once and says it is filling.
 */
export async function ensureSprintHistory({
  orgId,
  boardId,
}: {
  orgId: string;
  boardId?: number;
}): Promise<HistoryState> {
  const backfill = await findSprintHistoryBackfill({ orgId });
  const state = {
    completedAt: backfill?.completedAt?.toISOString() ?? null,
    reachedBack: backfill?.reachedBack?.toISOString() ?? null,
    note: backfill?.note ?? null,
  };
  if (!backfill?.completedAt) {
    if (!(await getJiraConfig({ orgId }))) return { filling: false, connected: false, ...state };
    await requestSprintHistory({ orgId });
    return { filling: true, connected: true, ...state };
  }
  // A board that turned up after the backfill: asked for once; a board with no closed sprint stays empty after that.
  if (boardId !== undefined && (await listSnapshots({ orgId, boardId })).length === 0) {
    const { created } = await requestSprintHistory({ orgId, boardId });
    return { filling: created, connected: true, ...state };
  }
  return { filling: false, connected: true, ...state };
}

/** Every sprint of a board Bosun has snapshots of, with its report: the closed ones (last 26) and the running one. */
export async function loadBoardReports({
  orgId,
  boardId,
  now,
}: {
  orgId: string;
  boardId: number;
  now: Date;
}): Promise<BoardSprintReport[]> {
  const records = groupSprints(await listSnapshots({ orgId, boardId }));
  const closed = records.filter((r) => r.close).slice(-MAX_TREND_SPRINTS);
  const active = records.filter((r) => r.start && !r.close).at(-1);
  const wanted = active ? [...closed, active] : closed;
  const reports = await Promise.all(wanted.map((record) => reportOf(orgId, record, now)));
  return reports.filter((r) => r !== null);
}

async function reportOf(orgId: string, record: SprintRecord, now: Date): Promise<BoardSprintReport | null> {
  const sprint = reportSprintOf(record);
  if (!sprint) return null;
  // Only a sprint whose start Bosun recorded has scope changes that count (a backfilled one has none it can know).
  const changes = record.start
    ? (await listScopeChanges({ orgId, sprintId: record.sprintId })).map(toReportChange)
    : [];
  const committed = record.start ? issuesOf(record.start).items.map(toReportItem) : null;
  let final: ReportItem[] | null = record.close ? issuesOf(record.close).items.map(toReportItem) : null;
  let statusesReadAt: string | null = null;
  let latestItems: ReportItem[] | undefined;
  if (!record.close) {
    // A running sprint: its statuses as the dashboard last read them. With no scope change recorded (webhooks not
    // arriving), those issues also place what was done so far, on each one's resolution day.
    const cached = await cachedValue<JiraWorkItem[]>(orgId, `jira:sprint:${record.sprintId}:issues`);
    if (cached) {
      latestItems = cached.value.map(workItemToReportItem);
      statusesReadAt = cached.fetchedAt.toISOString();
      if (changes.length === 0) final = latestItems;
    }
  }
  const row = record.close ?? record.start!;
  return {
    sprintId: record.sprintId,
    name: record.name,
    state: record.close ? "closed" : "active",
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    completeDate: sprint.completeDate,
    plannedCapacity: record.start?.plannedCapacity ?? null,
    origin: row.origin,
    statusesReadAt,
    report: sprintReport({
      sprint,
      committed,
      final,
      changes,
      latestItems,
      plannedCapacity: record.start?.plannedCapacity ?? null,
      timeZone: REPORT_TIME_ZONE,
      now: now.toISOString(),
    }),
  };
}

export type SprintTrendsPage =
  | { status: "not-found" }
  | {
      status: "ok";
      boards: ReportBoard[];
      board: ReportBoard | null;
      history: HistoryState;
      sprints: BoardSprintReport[];
      trends: SprintTrends;
    };

/** The trends page: the board asked for (else the first), its sprints' reports and their trends. */
export async function loadSprintTrends({
  orgId,
  boardId,
  now = new Date(),
}: {
  orgId: string;
  boardId?: number;
  now?: Date;
}): Promise<SprintTrendsPage> {
  const boards = await listReportBoards({ orgId });
  const board = boardId === undefined ? (boards[0] ?? null) : (boards.find((b) => b.id === boardId) ?? null);
  if (boardId !== undefined && !board) return { status: "not-found" };
  const history = await ensureSprintHistory({ orgId, boardId: board?.id });
  const sprints = board ? await loadBoardReports({ orgId, boardId: board.id, now }) : [];
  return { status: "ok", boards, board, history, sprints, trends: trendsOf(sprints) };
}

export const trendsOf = (sprints: BoardSprintReport[]) =>
  sprintTrends(
    sprints
      .filter((s) => s.state === "closed")
      .map((s) => ({
        sprintId: s.sprintId,
        name: s.name,
        startDate: s.startDate,
        completeDate: s.completeDate,
        report: s.report,
      })),
  );

export type SprintReportPage =
  | { status: "not-found" }
  | {
      status: "ok";
      board: ReportBoard;
      sprint: BoardSprintReport;
      history: AgainstHistory;
      /** Reports of the sprints before it that the comparison used, newest last. */
      previous: BoardSprintReport[];
    };

/** One sprint's report, against the median of the board's earlier closed sprints. */
export async function loadSprintReport({
  orgId,
  boardId,
  sprintId,
  now = new Date(),
}: {
  orgId: string;
  boardId: number;
  sprintId?: number;
  now?: Date;
}): Promise<SprintReportPage> {
  const board = (await listReportBoards({ orgId })).find((b) => b.id === boardId);
  if (!board) return { status: "not-found" };
  const sprints = await loadBoardReports({ orgId, boardId, now });
  const closed = sprints.filter((s) => s.state === "closed");
  const sprint = sprintId === undefined ? closed.at(-1) : sprints.find((s) => s.sprintId === sprintId);
  if (!sprint) return { status: "not-found" };
  const previous = closed.filter((s) => Date.parse(s.startDate) < Date.parse(sprint.startDate));
  return {
    status: "ok",
    board,
    sprint,
    previous,
    history: againstHistory(
      sprint.report,
      previous.map((s) => s.report),
    ),
  };
}
