import "server-only";
import { z } from "zod";
import {
  completeSprintHistoryBackfill,
  findSprintHistoryBackfill,
  listSnapshots,
} from "@/lib/db/queries/sprint-snapshots";
import { getJiraConfig } from "@/lib/integrations/connections";
import { searchWorkItems, type JiraBoard } from "@/lib/integrations/jira";
import { readBoardSetup, readBoards } from "@/lib/integrations/jira/reads";
import { enqueueJob, type JobRecord } from "@/lib/platform/jobs";
import { reconcileSprintsJob, recordLateClose } from "@/lib/features/sprints";

/**
 * The sprint reports' history: up to BACKFILL_SPRINTS closed sprints per board, each snapshotted once from one read
 * of its issues (origin "backfill", dated at the close). The dashboard keeps six; reports and trends want half a
 * year. It runs once per org (HistoryBackfill "jira-sprints"), enqueued the first time a report finds nothing, and
 * again for a board that turns up later. A snapshot that exists is never read again or replaced (saveSnapshot's
 * rules), so a second run reads only the boards' cached sprint lists. The reconciliation pass every 15 minutes
 * finishes a backfill that has not completed (a failed job, a worker that stopped).
 */
export const SPRINT_HISTORY_QUEUE = "jira.sprint-history";
export const BACKFILL_SPRINTS = 26;

const payloadSchema = z.object({ orgId: z.string(), boardId: z.number().int().optional() });

/** Asks for the history once per org (or once per board for a board found later); a repeat finds the job queued. */
export async function requestSprintHistory({ orgId, boardId }: { orgId: string; boardId?: number }) {
  return enqueueJob({
    queue: SPRINT_HISTORY_QUEUE,
    orgId,
    payload: boardId === undefined ? { orgId } : { orgId, boardId },
    singletonKey: boardId === undefined ? `sprint-history:${orgId}` : `sprint-history:${orgId}:${boardId}`,
    maxAttempts: 5,
  });
}

export async function sprintHistoryJob(job: JobRecord): Promise<void> {
  const { orgId, boardId } = payloadSchema.parse(job.payload);
  await backfillSprintHistory({ orgId, boardId, now: new Date(), requestId: `sprint-history-${job.id}` });
}

/** The reconciliation pass, then the history if it has not completed yet. */
export async function reconcileSprintsAndHistoryJob(job: JobRecord): Promise<void> {
  await reconcileSprintsJob(job);
  const { orgId } = payloadSchema.parse(job.payload);
  if ((await findSprintHistoryBackfill({ orgId }))?.completedAt) return;
  await backfillSprintHistory({ orgId, now: new Date(), requestId: `sprint-history-catch-up-${job.id}` });
}

export type BackfillOutcome = { boards: number; sprints: number; recorded: number; reachedBack: Date | null };

/** Snapshots every missing close among the last BACKFILL_SPRINTS closed sprints of the org's boards (or one board). */
export async function backfillSprintHistory({
  orgId,
  boardId,
  now,
  requestId,
}: {
  orgId: string;
  boardId?: number;
  now: Date;
  requestId?: string;
}): Promise<BackfillOutcome> {
  const config = await getJiraConfig({ orgId, requestId });
  if (!config) return { boards: 0, sprints: 0, recorded: 0, reachedBack: null };
  const boards = (await readBoards({ orgId, config })).value.filter((b) => boardId === undefined || b.id === boardId);
  const outcome: BackfillOutcome = { boards: boards.length, sprints: 0, recorded: 0, reachedBack: null };
  for (const board of boards) {
    const { sprints, recorded, reachedBack } = await backfillBoard({ orgId, config, board, now });
    outcome.sprints += sprints;
    outcome.recorded += recorded;
    if (reachedBack && (!outcome.reachedBack || reachedBack < outcome.reachedBack)) outcome.reachedBack = reachedBack;
  }
  if (boardId === undefined)
    await completeSprintHistoryBackfill({
      orgId,
      completedAt: now,
      reachedBack: outcome.reachedBack,
      note: `${outcome.sprints} closed sprints (up to ${BACKFILL_SPRINTS} per board) over ${outcome.boards} boards; ${outcome.recorded} read from Jira by this run`,
    });
  return outcome;
}

async function backfillBoard({
  orgId,
  config,
  board,
  now,
}: {
  orgId: string;
  config: NonNullable<Awaited<ReturnType<typeof getJiraConfig>>>;
  board: JiraBoard;
  now: Date;
}) {
  const setup = await readBoardSetup({ orgId, config, boardId: board.id });
  const { sprints, estimationField } = setup.value;
  const closed = sprints.filter((s) => s.state === "closed").slice(-BACKFILL_SPRINTS);
  const existing = await listSnapshots({ orgId, boardId: board.id });
  const has = (sprintId: number, kind: "start" | "close") =>
    existing.find((s) => s.sprintId === sprintId && s.kind === kind);
  let recorded = 0;
  for (const sprint of closed.filter((s) => !has(s.id, "close"))) {
    const items = await searchWorkItems(config, `sprint = ${sprint.id}`, estimationField);
    await recordLateClose({ orgId, boardId: board.id, sprint, start: has(sprint.id, "start"), items, now });
    recorded++;
  }
  const starts = closed.map((s) => Date.parse(s.startDate ?? "")).filter((ms) => Number.isFinite(ms));
  return { sprints: closed.length, recorded, reachedBack: starts.length ? new Date(Math.min(...starts)) : null };
}
