import "server-only";
import { z } from "zod";
import { replayToStart } from "@/lib/domain/capacity";
import { listOrgIdsWithJira } from "@/lib/db/system/jira-orgs";
import { listScopeChanges } from "@/lib/db/queries/sprint-scope";
import { listSnapshots, recordPlannedCapacity, type SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";
import { getJiraConfig } from "@/lib/integrations/connections";
import { searchWorkItems, type JiraSprint, type JiraWorkItem } from "@/lib/integrations/jira";
import { readBoardSetup, readBoards } from "@/lib/integrations/jira/reads";
import { enqueuePerOrgSlot, type JobRecord } from "@/lib/platform/jobs";
import { HISTORY_SPRINTS, plannedCapacityAtStart } from "./board-context";
import { saveSprintSnapshot } from "./save-snapshot";
import { closeOfSprint, startOfSprint } from "./snapshots";

/**
 * Webhooks get lost (Jira gives up, Bosun was down, the webhook was never
 * registered), so every 15 minutes each org with Jira gets one job that reads
 * each board's sprints and records what is missing: the start of an active
 * sprint and the close of a recently closed one, dated when it happened in
 * Jira, marked "reconciled" with how late Bosun was. A start found late is
 * rebuilt by undoing the scope changes Bosun recorded since the start; a close
 * of a sprint whose start Bosun never saw is a backfill from its issues.
 */
export const SPRINT_RECONCILE_QUEUE = "jira.sprint-reconcile";
export const SPRINT_RECONCILE_INTERVAL_MS = 15 * 60_000;

export async function scheduleSprintReconciliation(now = Date.now()): Promise<number> {
  return enqueuePerOrgSlot({
    queue: SPRINT_RECONCILE_QUEUE,
    orgIds: await listOrgIdsWithJira(),
    intervalMs: SPRINT_RECONCILE_INTERVAL_MS,
    keyPrefix: "sprint-reconcile",
    now,
  });
}

export async function reconcileSprintsJob(job: JobRecord): Promise<void> {
  const { orgId } = z.object({ orgId: z.string() }).parse(job.payload);
  await reconcileSprints({ orgId, now: new Date(), requestId: `sprint-reconcile-${job.id}` });
}

const secondsBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** Records every missing snapshot of the org's boards; returns how many it recorded. */
export async function reconcileSprints({
  orgId,
  now,
  requestId,
}: {
  orgId: string;
  now: Date;
  requestId?: string;
}): Promise<number> {
  const config = await getJiraConfig({ orgId, requestId });
  if (!config) return 0;
  const boards = await readBoards({ orgId, config, force: true });
  let recorded = 0;
  for (const board of boards.value) {
    const existing = await listSnapshots({ orgId, boardId: board.id });
    const has = (sprintId: number, kind: "start" | "close") =>
      existing.find((s) => s.sprintId === sprintId && s.kind === kind);
    const setup = await readBoardSetup({ orgId, config, boardId: board.id, force: true });
    const { sprints, estimationField } = setup.value;
    const read = (sprintId: number) => searchWorkItems(config, `sprint = ${sprintId}`, estimationField);
    for (const sprint of sprints.filter((s) => s.state === "active" && !has(s.id, "start"))) {
      const items = await read(sprint.id);
      await recordLateStart({ orgId, boardId: board.id, sprint, items, now });
      recorded++;
    }
    const recent = sprints.filter((s) => s.state === "closed").slice(-HISTORY_SPRINTS);
    for (const sprint of recent.filter((s) => !has(s.id, "close"))) {
      await recordLateClose({
        orgId,
        boardId: board.id,
        sprint,
        start: has(sprint.id, "start"),
        items: await read(sprint.id),
        now,
      });
      recorded++;
    }
  }
  return recorded;
}

/** An active sprint's start, found late: what it holds now with the recorded scope changes since the start undone. */
/**
 * The close of a sprint Bosun did not see close, dated when it closed: against the start Bosun saw it is a late
 * reconciliation; without one, a backfill from the issues as they are now.
 */
export async function recordLateClose({
  orgId,
  boardId,
  sprint,
  start,
  items,
  now,
}: {
  orgId: string;
  boardId: number;
  sprint: JiraSprint;
  start: { issues: unknown } | undefined;
  items: JiraWorkItem[];
  now: Date;
}) {
  const closedAt = new Date(sprint.completeDate ?? sprint.endDate ?? now.toISOString());
  await saveSprintSnapshot({
    orgId,
    boardId,
    sprint,
    kind: "close",
    takenAt: closedAt,
    numbers: closeOfSprint(sprint, (start?.issues as SnapshotIssues | undefined) ?? null, items),
    origin: start ? "reconciled" : "backfill",
    delaySeconds: secondsBetween(closedAt, now),
  });
}

async function recordLateStart({
  orgId,
  boardId,
  sprint,
  items,
  now,
}: {
  orgId: string;
  boardId: number;
  sprint: JiraSprint;
  items: JiraWorkItem[];
  now: Date;
}) {
  const startedAt = new Date(sprint.startDate ?? now.toISOString());
  const changes = await listScopeChanges({ orgId, sprintId: sprint.id, since: startedAt });
  const atStart = replayToStart(
    items.map((item) => ({ key: item.key, points: item.points })),
    changes.map((change) => ({ ...change, occurredAt: change.occurredAt.toISOString() })),
  );
  const byKey = new Map(items.map((item) => [item.key, item]));
  const startItems: JiraWorkItem[] = atStart.map(
    ({ key, points }) => ({ ...(byKey.get(key) ?? removedItem(key)), points }) satisfies JiraWorkItem,
  );
  const numbers = startOfSprint(startItems);
  await saveSprintSnapshot({
    orgId,
    boardId,
    sprint,
    kind: "start",
    takenAt: startedAt,
    numbers: {
      ...numbers,
      issues: { ...numbers.issues, rebuiltFrom: changes.length > 0 ? "scope-changes" : "issues-when-found" },
    },
    origin: "reconciled",
    delaySeconds: secondsBetween(startedAt, now),
  });
  // The capacity the sprint is planned with, as the webhook would have recorded it (from the database alone).
  const plannedCapacity = await plannedCapacityAtStart({ orgId, boardId, sprint, now });
  if (plannedCapacity !== null) await recordPlannedCapacity({ orgId, boardId, sprintId: sprint.id, plannedCapacity });
}

/** An issue that left the sprint after its start: only its key and points are known. */
const removedItem = (key: string): JiraWorkItem => ({
  key,
  summary: "",
  issueType: "",
  status: "",
  statusCategory: "new",
  points: null,
  assigneeAccountId: null,
  components: [],
  labels: [],
  epic: null,
  blockedBy: [],
  sprintIds: [],
  resolvedAt: null,
});
