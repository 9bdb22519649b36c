import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { readCached, readThrough } from "@/lib/platform/cache/read-through";
import { calendarDateSchema, checkSprintDates } from "@/lib/domain/capacity";
import { planDiff, planSprint, type PlanDiff, type PlanPerson, type SprintPlan } from "@/lib/domain/planning";
import { loadBoardContext } from "./board-context";
import { componentExperience } from "./experience";
import { readBacklog, readSprintIssues } from "../../integrations/jira/reads";
import { capacities } from "./team-capacity";
import { notifySprintOverCapacity } from "@/lib/features/notifications/sprint-events";

/** The sprint's dates are bounded (see lib/domain/capacity/date-limits.ts): each day of it is walked for every person. */
export const planRequestSchema = z
  .object({
    boardId: z.number().int().positive(),
    name: z.string().trim().min(1, "is required").max(120),
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    goal: z.string().trim().max(500).default(""),
    bufferPercent: z
      .number({ error: "must be a number" })
      .min(0, "must be between 0 and 50")
      .max(50, "must be between 0 and 50"),
  })
  .superRefine(checkSprintDates);

export type PlanRequest = z.output<typeof planRequestSchema>;

export type SprintPlanPreview = {
  id: string;
  request: PlanRequest;
  boardName: string;
  plan: SprintPlan;
  diff: PlanDiff;
  names: Record<string, string>;
  summaries: Record<string, string>;
};

/** How long a previewed plan can be applied: long enough to read it, short enough to be current. */
const PREVIEW_TTL_MS = 60 * 60_000;

/**
 * Builds the plan for the next sprint from the board's ranked backlog and the
 * team's capacity over the new sprint's dates, and stores it under an id so
 * that "apply" carries out exactly what was previewed.
 */
export async function previewPlan({
  orgId,
  request,
  requestId,
  now = new Date(),
}: {
  orgId: string;
  request: PlanRequest;
  requestId?: string;
  now?: Date;
}): Promise<SprintPlanPreview | { error: string }> {
  const context = await loadBoardContext({ orgId, boardId: request.boardId, now, requestId });
  if (context.status !== "ok")
    return { error: context.status === "not-connected" ? "Connect Jira first." : "The Jira site has no scrum boards." };
  const { config, board, estimationField, activeSprint, snapshots, team, focusFactor, sprints } = context;
  if (board.id !== request.boardId) return { error: "That board does not exist on the connected Jira site." };
  if (sprints.some((s) => s.state !== "closed" && s.name === request.name))
    return { error: `A sprint named "${request.name}" is already open on ${board.name}; choose another name.` };

  const [backlog, active] = await Promise.all([
    readBacklog({ orgId, config, boardId: board.id, pointsField: estimationField }),
    activeSprint
      ? readSprintIssues({ orgId, config, sprintId: activeSprint.id, pointsField: estimationField })
      : Promise.resolve({ value: [] }),
  ]);
  const experience = componentExperience(snapshots.close.values());
  const people: PlanPerson[] = capacities(team, request, focusFactor).map((p) => ({
    accountId: p.accountId,
    name: p.name,
    capacityPoints: p.capacityPoints,
    componentExperience: experience.get(p.accountId) ?? {},
  }));
  const doneBlockers = backlog.value.flatMap((i) =>
    i.blockedBy.filter((b) => b.statusCategory === "done").map((b) => b.key),
  );

  const plan = planSprint({
    backlog: backlog.value.map((i) => ({
      key: i.key,
      summary: i.summary,
      points: i.points,
      component: i.components[0] ?? null,
      epic: i.epic,
      blockedBy: i.blockedBy.map((b) => b.key),
      assigneeAccountId: i.assigneeAccountId,
    })),
    people,
    bufferPercent: request.bufferPercent,
    alreadyScheduledKeys: [...active.value.map((i) => i.key), ...doneBlockers],
    goal: request.goal || undefined,
  });
  const diff = planDiff({
    plan,
    sprint: { name: request.name, startDate: request.startDate, endDate: request.endDate, goal: plan.goal },
    current: backlog.value.map((i) => ({ key: i.key, sprintId: null, assigneeAccountId: i.assigneeAccountId })),
  });
  const id = createHash("sha256").update(JSON.stringify({ request, diff })).digest("hex").slice(0, 24);
  const preview: SprintPlanPreview = {
    id,
    request,
    boardName: board.name,
    plan,
    diff,
    names: Object.fromEntries(team.map((m) => [m.accountId, m.name])),
    summaries: Object.fromEntries(backlog.value.map((i) => [i.key, i.summary])),
  };
  await readThrough({ orgId, key: `sprint-plan:${id}`, ttlMs: PREVIEW_TTL_MS, force: true, load: async () => preview });
  const points = new Map(backlog.value.map((i) => [i.key, i.points]));
  await notifySprintOverCapacity({
    orgId,
    board,
    sprintName: request.name,
    plannedPoints: plan.plannedPoints,
    limitPoints: plan.perPerson.reduce((sum, p) => sum + p.limitPoints, 0),
    leftOut: plan.leftOut
      .filter((l) => l.reason === "no capacity")
      .map((l) => ({ key: l.key, points: points.get(l.key) ?? null })),
  });
  return preview;
}

/** A stored preview, or null when it expired or never existed for this org. */
export async function findPreview({ orgId, id }: { orgId: string; id: string }): Promise<SprintPlanPreview | null> {
  return readCached<SprintPlanPreview>({ orgId, key: `sprint-plan:${id}` });
}
