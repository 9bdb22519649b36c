import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { findSentryIssuesForJiraKey } from "@/lib/db/queries/ticket-links";
import type { AgentContext } from "@/lib/features/agents/context";
import { ok } from "./gate";
import { registerReadTool } from "./read-tool";

export const findSentryIssuesForJiraKeyInput = {
  jiraKey: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]+-\d+$/, "must be a Jira issue key such as ACME-42")
    .describe("Jira issue key, such as ACME-42."),
};

/** find_sentry_issues_for_jira_key: the reverse lookup — the Sentry issues Bosun linked to a Jira ticket. */
export function registerFindSentryIssuesForJiraKey(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "find_sentry_issues_for_jira_key",
    {
      title: "Sentry issues linked to a Jira key",
      description:
        "Lists the Sentry issues linked to a Jira issue (tickets filed from Sentry by people, automations or agents), with when each was linked.",
      inputSchema: findSentryIssuesForJiraKeyInput,
      openWorldHint: false,
    },
    async ({ jiraKey }) => {
      const links = await findSentryIssuesForJiraKey({ orgId: ctx.org.id, jiraIssueKey: jiraKey });
      const issues = links.map((l) => ({
        sentryIssueId: l.sentryIssueId,
        shortId: l.sentryShortId,
        linkedAt: l.createdAt,
      }));
      const text =
        issues.length === 0
          ? `No Sentry issue is linked to ${jiraKey}.`
          : `${jiraKey} is linked to ${issues.length} Sentry issue(s): ${issues.map((i) => i.shortId).join(", ")}.`;
      return ok(text, { jiraKey, issues });
    },
  );
}
