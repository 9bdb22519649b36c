import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AgentContext } from "@/lib/features/agents/context";
import { applyStep, applySteps, type ApplyStep, type StepResult, findPreview } from "@/lib/features/sprints";
import { fail, guard, ok } from "./gate";
import { runStepsUntilNotDone } from "./run-steps";
import { requireRecentFactorForTool } from "./step-up";
import { TOOL_SPECS } from "./specs";

export const applySprintPlanInput = {
  planId: z
    .string()
    .regex(/^[0-9a-f]{24}$/, "is not a plan id (plan_sprint returns one)")
    .describe("The planId returned by plan_sprint."),
};

const stepName = (step: ApplyStep) =>
  step.kind === "sprint"
    ? "create the sprint"
    : `${step.kind === "move" ? "move issues" : "assign issues"}, batch ${step.batch + 1}`;

/**
 * apply_sprint_plan: carries out a stored plan_sprint preview in Jira, step by
 * step as the plan page does — create the sprint, move the issues, set the
 * assignees — stopping at the first step that is not done. Every write goes
 * through the outbox keyed by the plan, so calling it again resumes where it
 * stopped and never writes twice.
 */
export function registerApplySprintPlan(server: McpServer, ctx: AgentContext) {
  server.registerTool(
    "apply_sprint_plan",
    {
      title: "Apply a sprint plan",
      description:
        "Applies a sprint plan previewed with plan_sprint to Jira: creates the sprint, moves the planned issues into it and sets their assignees. Stops at the first step that is not done and returns every step's result; calling it again with the same planId resumes without repeating anything.",
      inputSchema: applySprintPlanInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async ({ planId }) => {
      const denied = guard(ctx, TOOL_SPECS.apply_sprint_plan);
      if (denied) return denied;
      const stepUp = await requireRecentFactorForTool(ctx, "apply_sprint_plan");
      if (stepUp) return stepUp;
      // The plan applied is the one stored at preview time, never one sent by the caller.
      const preview = await findPreview({ orgId: ctx.org.id, id: planId });
      if (!preview) return fail("This plan has expired or does not exist. Preview it again with plan_sprint.");

      const steps = applySteps(preview);
      const results = await runStepsUntilNotDone(steps, async (step): Promise<StepResult & { step: string }> => {
        const result = await applyStep({
          orgId: ctx.org.id,
          preview,
          step,
          actor: ctx.actor,
          requestId: ctx.requestId,
        });
        return { step: stepName(step), ...result };
      });
      const last = results.at(-1);
      const data = {
        planId,
        sprint: preview.diff.createSprint,
        board: { id: preview.request.boardId, name: preview.boardName },
        done: results.filter((r) => r.status === "done").length,
        totalSteps: steps.length,
        steps: results,
      };
      if (last?.status === "failed")
        return fail(`Applying "${preview.request.name}" stopped at "${last.step}": ${last.message}`, data);
      if (last?.status === "pending")
        return ok(
          `Applying "${preview.request.name}" is waiting at "${last.step}": ${last.message} Call apply_sprint_plan again later to finish.`,
          data,
        );
      return ok(
        `Applied "${preview.request.name}" to ${preview.boardName}: sprint created, ${preview.diff.moves.length} issue(s) moved and ${preview.diff.assigneeChanges.length} assignee(s) set.`,
        data,
      );
    },
  );
}
