import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { featureRequestSchema } from "@/lib/domain/requirements";
import type { AgentContext } from "@/lib/features/agents/context";
import {
  type CreatedIssue,
  type CreationResult,
  creationSteps,
  previewTickets,
  runCreationStep,
} from "@/lib/features/tickets";
import { capped, describeZodError, fail, guard, ok } from "./gate";
import { runStepsUntilNotDone } from "./run-steps";
import { requireRecentFactorForTool } from "./step-up";
import { TOOL_SPECS } from "./specs";

const MAX_ITEMS = 100;

/** The feature form's fields (checked whole, limits included, by featureRequestSchema in the handler), plus dryRun. */
export const createTicketsInput = {
  ...featureRequestSchema.shape,
  dryRun: z.boolean().default(true).describe("true (the default): preview only. false: create the tickets in Jira."),
};

/**
 * create_tickets: requirements → Jira, as the "New feature" page does. A dry
 * run previews the epic, stories and subtasks with proposed assignees and
 * sprint; otherwise every creation step runs in order, stopping at the first
 * that is not done. Writes are keyed by the request, so the same request
 * again creates nothing new and resumes a partial run.
 */
export function registerCreateTickets(server: McpServer, ctx: AgentContext) {
  server.registerTool(
    "create_tickets",
    {
      title: "Create Jira tickets for a feature",
      description:
        "Plans a feature's Jira tickets — an epic, one story per entry (with acceptance criteria, estimate, component) and a subtask per checklist line — with proposed assignees and a sprint. With dryRun true (the default) it only previews; with dryRun false it creates them and returns the new keys. Repeating the same request never creates duplicates.",
      inputSchema: createTicketsInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async ({ dryRun, ...fields }) => {
      const denied = guard(ctx, { ...TOOL_SPECS.create_tickets, write: !dryRun });
      if (denied) return denied;
      const parsed = featureRequestSchema.safeParse(fields);
      if (!parsed.success) return fail(describeZodError(parsed.error));
      const preview = await previewTickets({ orgId: ctx.org.id, request: parsed.data, requestId: ctx.requestId });
      if ("error" in preview) return fail(preview.error);

      const { plan } = preview;
      const planned = {
        previewId: preview.id,
        projectKey: preview.request.jiraProjectKey,
        board: preview.boardName,
        epic: { summary: plan.epic.summary, priority: plan.epic.priority },
        stories: capped(
          plan.stories.map((s) => ({
            ref: s.ref,
            summary: s.summary,
            estimate: s.estimate,
            component: s.component,
            assignee: s.assignee,
            unassignedReason: s.unassignedReason,
            subtasks: s.subtasks.map((t) => t.summary),
          })),
          MAX_ITEMS,
        ),
        sprint: plan.sprint,
        sprintReason: plan.sprintReason,
        totals: plan.totals,
        warnings: plan.warnings,
      };
      const issues = `an epic, ${plan.stories.length} stories and ${plan.totals.subtasks} subtasks (${plan.totals.storyPoints} points) in ${preview.request.jiraProjectKey}`;
      if (dryRun)
        return ok(
          `Preview only: ${issues}${plan.sprint ? `, into ${plan.sprint.name}` : ""}. Call again with dryRun false to create them.`,
          { dryRun: true, ...planned },
        );
      const stepUp = await requireRecentFactorForTool(ctx, "create_tickets");
      if (stepUp) return stepUp;

      const steps = creationSteps(preview);
      const results: CreationResult[] = await runStepsUntilNotDone(steps, (step) =>
        runCreationStep({ orgId: ctx.org.id, preview, step, actor: ctx.actor, requestId: ctx.requestId }),
      );
      const created: CreatedIssue[] = results.flatMap((r) => r.created);
      const last = results.at(-1);
      const data = {
        dryRun: false,
        ...planned,
        created,
        steps: results.map((r) => ({ status: r.status, message: r.message })),
        totalSteps: steps.length,
      };
      if (last?.status === "failed")
        return fail(
          `Creating the tickets stopped: ${last.message}${created.length ? ` (${created.length} created so far)` : ""}. Fix the cause and call again with the same request to resume.`,
          data,
        );
      if (last?.status === "pending")
        return ok(
          `${last.message} ${created.length} ticket(s) created so far; call again with the same request to resume.`,
          data,
        );
      const epic = created.find((c) => c.ref === "epic")?.key;
      return ok(
        `Created ${issues}${epic ? `, under ${epic}` : ""}${plan.sprint ? `, in ${plan.sprint.name}` : ""}.`,
        data,
      );
    },
  );
}
