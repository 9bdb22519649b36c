import "server-only";
import type { ActorType } from "@/lib/db/types";
import { findIntent } from "@/lib/db/queries/outbox";
import { MOVE_BATCH } from "@/lib/integrations/jira";
import { performWrite, readResult, type WriteOutcome } from "@/lib/platform/outbox";
import type { SprintPlanPreview } from "./plan";

/**
 * Applying a previewed plan to Jira, one step at a time so the page can show
 * progress: create the sprint, move issues in batches of 50, then set
 * assignees. Every write goes through the outbox with a key derived from the
 * plan, so applying twice changes nothing more and a partial failure resumes
 * where it stopped.
 */
export type ApplyStep = { kind: "sprint" } | { kind: "move"; batch: number } | { kind: "assign"; batch: number };

const ASSIGN_BATCH = 10;

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function applySteps(preview: SprintPlanPreview): ApplyStep[] {
  return [
    { kind: "sprint" },
    ...chunks(preview.diff.moves, MOVE_BATCH).map((_, batch) => ({ kind: "move" as const, batch })),
    ...chunks(preview.diff.assigneeChanges, ASSIGN_BATCH).map((_, batch) => ({ kind: "assign" as const, batch })),
  ];
}

export type StepResult = { status: "done" | "pending" | "failed"; message: string };

type Actor = { type: ActorType; id?: string | null; label: string };

const sprintKey = (preview: SprintPlanPreview) => `plan:${preview.id}:sprint`;

function summarise(outcomes: WriteOutcome[], done: string): StepResult {
  const failed = outcomes.find((o) => o.status === "failed");
  if (failed?.status === "failed") return { status: "failed", message: failed.error };
  if (outcomes.some((o) => o.status === "pending"))
    return {
      status: "pending",
      message: "Jira is not answering; the change is saved and will be applied automatically.",
    };
  return { status: "done", message: done };
}

export async function applyStep({
  orgId,
  preview,
  step,
  actor,
  requestId,
}: {
  orgId: string;
  preview: SprintPlanPreview;
  step: ApplyStep;
  actor: Actor;
  requestId: string;
}): Promise<StepResult> {
  const { request, diff } = preview;
  const common = { orgId, actor, requestId };
  if (step.kind === "sprint") {
    const outcome = await performWrite({
      ...common,
      operation: "jira.sprint.create",
      args: {
        boardId: request.boardId,
        name: request.name,
        startDate: `${request.startDate}T09:00:00.000Z`,
        endDate: `${request.endDate}T17:00:00.000Z`,
        goal: diff.createSprint.goal,
      },
      orderingKey: `board:${request.boardId}:sprints`,
      idempotencyKey: sprintKey(preview),
      summary: `Created sprint "${request.name}" on ${preview.boardName}`,
      target: { type: "jira_board", id: String(request.boardId) },
    });
    return summarise([outcome], `Sprint "${request.name}" is ready.`);
  }

  if (step.kind === "move") {
    const sprint = await findIntent({ orgId, idempotencyKey: sprintKey(preview) });
    const sprintId = sprint?.status === "succeeded" ? readResult("jira.sprint.create", sprint.result).id : undefined;
    if (!sprintId) return { status: "pending", message: "Waiting for the sprint to be created first." };
    const batch = chunks(diff.moves, MOVE_BATCH)[step.batch] ?? [];
    const outcome = await performWrite({
      ...common,
      operation: "jira.sprint.move_issues",
      args: { sprintId, issueKeys: batch.map((m) => m.key) },
      orderingKey: `sprint:${sprintId}`,
      idempotencyKey: `plan:${preview.id}:move:${step.batch}`,
      summary: `Moved ${batch.length} issue(s) into "${request.name}": ${batch.map((m) => m.key).join(", ")}`,
      target: { type: "jira_sprint", id: String(sprintId) },
    });
    return summarise([outcome], `Moved ${batch.length} issue(s).`);
  }

  const batch = chunks(diff.assigneeChanges, ASSIGN_BATCH)[step.batch] ?? [];
  const outcomes = await Promise.all(
    batch.map((change) =>
      performWrite({
        ...common,
        operation: "jira.issue.assign",
        args: { issueKey: change.key, accountId: change.to },
        orderingKey: `jira:${change.key}`,
        idempotencyKey: `plan:${preview.id}:assign:${change.key}`,
        summary: `Assigned ${change.key} to ${preview.names[change.to] ?? change.to} for "${request.name}"`,
        target: { type: "jira_issue", id: change.key },
      }),
    ),
  );
  return summarise(outcomes, `Assigned ${batch.length} issue(s).`);
}
