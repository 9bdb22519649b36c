import "server-only";
import { randomUUID } from "node:crypto";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { TRIAGE_ACTIONS, triageSentryIssues } from "@/lib/features/errors";
import type { AgentContext } from "@/lib/features/agents/context";
import { fail, guard, ok } from "./gate";
import { BULK_TRIAGE_THRESHOLD, requireRecentFactorForTool } from "./step-up";
import { TOOL_SPECS } from "./specs";

export const triageSentryIssueInput = {
  issueIds: z
    .array(z.string().regex(/^\d+$/, "must be Sentry issue ids (the numeric id from list_sentry_issues)"))
    .min(1, "choose at least one issue")
    .max(100)
    .describe("Sentry issue ids (numeric), 1–100."),
  action: z
    .enum(TRIAGE_ACTIONS)
    .describe("resolve, resolveInNextRelease, ignore (archive until escalating) or assign."),
  assigneeEmail: z
    .email("must be an email address")
    .optional()
    .describe("For assign: the email of an active member of the organization; leave out to unassign."),
};

/**
 * triage_sentry_issue: the errors page's triage — the same function, the
 * same outbox write to Sentry — audited as this agent. Each call is a new
 * triage request (its own idempotency key).
 */
export function registerTriageSentryIssue(server: McpServer, ctx: AgentContext) {
  server.registerTool(
    "triage_sentry_issue",
    {
      title: "Triage Sentry issues",
      description:
        "Resolves, resolves in the next release, archives until escalating (ignore), or assigns one or more Sentry issues (assign without assigneeEmail unassigns). If Sentry is down the change is saved and applied automatically later.",
      inputSchema: triageSentryIssueInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async ({ issueIds, action, assigneeEmail }) => {
      const denied = guard(ctx, TOOL_SPECS.triage_sentry_issue);
      if (denied) return denied;
      if (assigneeEmail && action !== "assign") return fail("assigneeEmail is only for the assign action.");
      if (issueIds.length > BULK_TRIAGE_THRESHOLD) {
        const stepUp = await requireRecentFactorForTool(ctx, "triage_sentry_issue");
        if (stepUp) return stepUp;
      }
      const outcome = await triageSentryIssues({
        orgId: ctx.org.id,
        issueIds,
        action,
        assigneeEmail,
        actor: ctx.actor,
        requestId: ctx.requestId,
        idempotencyKey: randomUUID(),
      });
      if (!outcome.ok)
        return fail(
          outcome.fieldErrors?.assigneeEmail
            ? `${assigneeEmail} is not an active member of ${ctx.org.name}.`
            : outcome.error,
        );
      return ok(outcome.data.message, {
        issueIds,
        action,
        assigneeEmail: assigneeEmail ?? null,
        status: outcome.data.status,
        message: outcome.data.message,
      });
    },
  );
}
