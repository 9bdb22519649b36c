import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AgentContext } from "@/lib/features/agents/context";
import { ticketForListedSentryIssue } from "@/lib/features/tickets";
import { fail, guard, isUnreadable, ok, unreadableAnswer } from "./gate";
import { TOOL_SPECS } from "./specs";

export const sentryIssueToJiraInput = {
  issueId: z
    .string()
    .regex(/^\d+$/, "must be a Sentry issue id (the numeric id from list_sentry_issues)")
    .describe("Sentry issue id (numeric)."),
  projectKey: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]+$/, "must be a Jira project key such as ACME")
    .describe("Jira project to file the bug in."),
};

/**
 * sentry_issue_to_jira: "Create Jira ticket" on the errors page — one Jira bug
 * per Sentry issue, priority from its severity, linked both ways; a repeat
 * returns the existing ticket. The issue must be in the current unresolved list.
 */
export function registerSentryIssueToJira(server: McpServer, ctx: AgentContext) {
  server.registerTool(
    "sentry_issue_to_jira",
    {
      title: "File a Jira bug for a Sentry issue",
      description:
        "Creates a Jira bug for an unresolved Sentry issue (priority from its severity, assigned to the component's owner when routing is set up) and links the two both ways. If a ticket already exists for the issue, returns it instead.",
      inputSchema: sentryIssueToJiraInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async ({ issueId, projectKey }) => {
      const denied = guard(ctx, TOOL_SPECS.sentry_issue_to_jira);
      if (denied) return denied;
      const result = await ticketForListedSentryIssue({
        orgId: ctx.org.id,
        issueId,
        projectKey,
        actor: ctx.actor,
        requestId: ctx.requestId,
      });
      if (result.status !== "filed") {
        if (isUnreadable(result)) return unreadableAnswer("Sentry", ctx.org.name, result);
        return fail(
          `Sentry issue ${issueId} is not in the current list of unresolved issues (list_sentry_issues shows them).`,
        );
      }
      const { issue, outcome } = result;
      if (outcome.status === "failed") return fail(outcome.message);
      const sentry = { issueId, shortId: issue.shortId, title: issue.title };
      if (outcome.status === "pending")
        return ok(outcome.message, {
          ...sentry,
          status: "pending",
          message: outcome.message,
          retryAt: outcome.retryAt,
        });
      const text =
        outcome.status === "existing"
          ? `${issue.shortId} already has a Jira ticket: ${outcome.key} (${outcome.url}).`
          : `Created ${outcome.key} for ${issue.shortId}${outcome.assignee ? `, assigned to ${outcome.assignee}` : ""}: ${outcome.url}`;
      return ok(text, {
        ...sentry,
        status: outcome.status,
        key: outcome.key,
        url: outcome.url,
        assignee: outcome.assignee ?? null,
        priority: result.priority,
      });
    },
  );
}
