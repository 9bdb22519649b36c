import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { AgentContext } from "@/lib/features/agents/context";
import { applySteps, planRequestSchema, previewPlan } from "@/lib/features/sprints";
import { capped, describeZodError, fail, ok } from "./gate";
import { registerReadTool } from "./read-tool";

const MAX_ITEMS = 100;

/** The plan form's fields; the end-after-start check runs in the handler, through planRequestSchema itself. */
export const planSprintInput = planRequestSchema.shape;

/**
 * plan_sprint: the "Plan next sprint" preview — the board's ranked backlog
 * fitted to the team's capacity over the new dates, with a reason for every
 * assignment. Nothing is written to Jira; the preview is stored for an hour
 * under its plan id, which apply_sprint_plan carries out exactly.
 */
export function registerPlanSprint(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "plan_sprint",
    {
      title: "Preview a sprint plan",
      description:
        "Previews the next sprint of a Jira board: which backlog issues go in and who takes each (with the reason), what is left out and why, each person's planned load, and the Jira changes it would make. Writes nothing; returns a planId for apply_sprint_plan, valid for an hour. Dates are YYYY-MM-DD; bufferPercent (0–50) holds back capacity for interruptions (get_sprint_capacity suggests one).",
      inputSchema: planSprintInput,
      openWorldHint: true,
    },
    async (args) => {
      const parsed = planRequestSchema.safeParse(args);
      if (!parsed.success) return fail(describeZodError(parsed.error));
      const preview = await previewPlan({ orgId: ctx.org.id, request: parsed.data, requestId: ctx.requestId });
      if ("error" in preview) return fail(preview.error);

      const { plan, diff, names, summaries, request } = preview;
      const steps = applySteps(preview);
      const text = `Previewed "${request.name}" on ${preview.boardName}: ${plan.assignments.length} issue(s), ${plan.plannedPoints} points across ${plan.perPerson.length} people; ${plan.leftOut.length} left out. Nothing is written yet: apply it with apply_sprint_plan and planId "${preview.id}" within an hour.`;
      return ok(text, {
        planId: preview.id,
        board: { id: request.boardId, name: preview.boardName },
        sprint: diff.createSprint,
        plannedPoints: plan.plannedPoints,
        assignments: capped(
          plan.assignments.map((a) => ({
            key: a.key,
            summary: summaries[a.key] ?? null,
            assignee: names[a.accountId] ?? a.accountId,
            accountId: a.accountId,
            points: a.points,
            reason: a.reason,
          })),
          MAX_ITEMS,
        ),
        leftOut: capped(
          plan.leftOut.map((l) => ({ key: l.key, summary: summaries[l.key] ?? null, reason: l.reason })),
          MAX_ITEMS,
        ),
        perPerson: plan.perPerson,
        explanations: plan.explanations,
        diff: {
          createSprint: diff.createSprint,
          issuesMoved: diff.moves.length,
          assigneeChanges: diff.assigneeChanges.length,
          reassignments: capped(
            diff.assigneeChanges.map((c) => ({
              key: c.key,
              from: c.from ? (names[c.from] ?? c.from) : null,
              to: names[c.to] ?? c.to,
            })),
            MAX_ITEMS,
          ),
        },
        applySteps: steps.length,
      });
    },
  );
}
