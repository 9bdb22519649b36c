import "server-only";
import {
  isWalkableRange,
  sprintHealth,
  suggestedBufferPercent,
  velocity,
  type SprintHealth,
  type Velocity,
} from "@/lib/domain/capacity";
import type { SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import { orgTimeZoneSetting, resolveOrgZone, supportedTimeZones, type DisplayZone } from "@/lib/domain/time";
import type { JiraBoard, JiraSprint, JiraWorkItem } from "@/lib/integrations/jira";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { HISTORY_SPRINTS, loadBoardSprints, loadBoardTeam } from "./board-context";
import { readIssuesByKey, readSprintIssues } from "../../integrations/jira/reads";
import { describeSnapshot, type SnapshotRecord } from "./snapshot-origin";
import { capacities } from "./team-capacity";

export type Freshness = { fetchedAt: Date; stale: boolean; error: string | null };

export type SprintDashboard =
  | { status: "not-connected" }
  | { status: "unavailable"; message: string }
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
      /** How the active sprint's commitment was recorded (null before it has a start snapshot). */
      startRecord: SnapshotRecord | null;
      /** How each sprint in the velocity history was recorded at its close, oldest first. */
      closeRecords: { sprintId: number; name: string; record: SnapshotRecord }[];
      /** The org's calendar zone: sprint days (start, end, days left) are the same for every viewer. */
      calendarZone: DisplayZone;
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
type DashboardOptions = { orgId: string; boardId?: number; force?: boolean; now?: Date; requestId?: string };

export async function loadSprintDashboard(options: DashboardOptions): Promise<SprintDashboard> {
  try {
    return await buildDashboard(options);
  } catch (error) {
    // Only when nothing is cached yet: with cached data the reads fall back to it, marked stale.
    if (error instanceof IntegrationError) return { status: "unavailable", message: integrationErrorText(error) };
    throw error;
  }
}

async function buildDashboard({
  orgId,
  boardId,
  force = false,
  now = new Date(),
  requestId,
}: DashboardOptions): Promise<SprintDashboard> {
  const boardSprints = await loadBoardSprints({ orgId, boardId, force, requestId });
  if (boardSprints.status !== "ok") return boardSprints;
  const { config, estimationField, activeSprint } = boardSprints;
  // The active sprint's issues are the longest chain of Jira reads (one page after another): start them now,
  // while the snapshots and the team come from the database.
  const sprintIssues =
    activeSprint?.startDate && activeSprint.endDate
      ? readSprintIssues({ orgId, config, force, sprintId: activeSprint.id, pointsField: estimationField })
      : null;
  const [context] = await Promise.all([loadBoardTeam(boardSprints, { orgId, now }), sprintIssues]);
  const { boards, board, setup, sprints, closed, snapshots, history, team, focusFactor, interruptRate } = context;
  const velocityResult = velocity(
    history.map((s) => ({
      sprintId: s.sprintId,
      name: s.sprintName,
      startedAt: (s.sprintStart ?? s.takenAt).toISOString(),
      committedPoints: s.committedPoints,
      completedPoints: s.completedPoints,
    })),
    HISTORY_SPRINTS,
  );

  const freshness: Freshness[] = [boards, setup];
  let health: SprintHealth | null = null;
  // An active sprint made in Jira longer than capacity can be counted over shows no health, as one without dates does.
  if (
    sprintIssues &&
    activeSprint?.startDate &&
    activeSprint.endDate &&
    isWalkableRange(activeSprint.startDate.slice(0, 10), activeSprint.endDate.slice(0, 10))
  ) {
    const issues = await sprintIssues;
    const outsideBlockers = issues.value
      .flatMap((i) => i.blockedBy.map((b) => b.key))
      .filter((key) => !issues.value.some((i) => i.key === key));
    const blockers = await readIssuesByKey({
      orgId,
      config,
      force,
      keys: outsideBlockers,
      pointsField: estimationField,
    });
    freshness.push(issues, blockers);
    const startSnapshot = snapshots.start.get(activeSprint.id);
    const previous = closed.at(-1);
    health = sprintHealth({
      issues: issues.value.map((item) => toHealthIssue(item, activeSprint, blockers.value, sprints)),
      people: capacities(team, { startDate: activeSprint.startDate, endDate: activeSprint.endDate }, focusFactor).map(
        (p) => ({ accountId: p.accountId, name: p.name, capacityPoints: p.capacityPoints }),
      ),
      startSnapshot: startSnapshot
        ? {
            keys: (startSnapshot.issues as SnapshotIssues).items.map((i) => i.key),
            committedPoints: startSnapshot.committedPoints,
          }
        : null,
      previousSprintKeys: previous
        ? ((snapshots.close.get(previous.id)?.issues as SnapshotIssues | undefined)?.items.map((i) => i.key) ?? [])
        : [],
      sprintIssueKeysByLaterSprint: {},
      now,
    });
  }

  return {
    status: "ok",
    boards: boards.value,
    board,
    activeSprint,
    nextSprint: sprints.find((s) => s.state === "future") ?? null,
    health,
    velocity: velocityResult,
    focusFactor,
    interruptRate,
    suggestedBufferPercent: suggestedBufferPercent(interruptRate),
    freshness: oldest(freshness),
    estimationField,
    startRecord: recordOf(activeSprint ? snapshots.start.get(activeSprint.id) : undefined),
    closeRecords: history
      .slice(-HISTORY_SPRINTS)
      .map((s) => ({ sprintId: s.sprintId, name: s.sprintName, record: describeSnapshot(s) })),
    calendarZone: resolveOrgZone(orgTimeZoneSetting(await getOrgSettings({ orgId })), supportedTimeZones()),
  };
}

const recordOf = (snapshot: Parameters<typeof describeSnapshot>[0] | undefined) =>
  snapshot ? describeSnapshot(snapshot) : null;

function toHealthIssue(item: JiraWorkItem, active: JiraSprint, outside: JiraWorkItem[], sprints: JiraSprint[]) {
  return {
    key: item.key,
    summary: item.summary,
    points: item.points,
    statusCategory: item.statusCategory,
    assigneeAccountId: item.assigneeAccountId,
    assigneeName: item.assigneeName ?? null,
    component: item.components[0] ?? null,
    blockedBy: item.blockedBy.map((blocker) => {
      const found = outside.find((o) => o.key === blocker.key);
      // A blocker inside the active sprint is not in `outside`.
      const sprint = found ? sprints.filter((s) => found.sprintIds.includes(s.id)).at(-1) : active;
      return {
        key: blocker.key,
        statusCategory: blocker.statusCategory,
        sprintState: sprint && sprint.state !== "closed" ? sprint.state : null,
        sprintStartDate: sprint?.startDate ?? undefined,
      };
    }),
  };
}
