import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AgentContext } from "@/lib/features/agents/context";

/** The prompt triage_errors: list the critical Sentry issues and propose triage, changing nothing until confirmed. */
export function registerTriagePrompt(server: McpServer, ctx: AgentContext) {
  server.registerPrompt(
    "triage_errors",
    {
      title: "Triage critical errors",
      description: `Review ${ctx.org.name}'s critical Sentry issues and propose how to triage each.`,
      argsSchema: { period: z.enum(["24h", "7d", "30d"]).optional().describe("How far back to look (default 24h).") },
    },
    ({ period }) => ({
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text: [
              `Call list_sentry_issues with severity "critical" and period "${period ?? "24h"}" for ${ctx.org.name}.`,
              "For each issue, propose one action with a one-line reason: file a Jira bug (sentry_issue_to_jira) if it has no jiraKey, resolve, resolve in the next release, ignore until it escalates, or assign to someone.",
              "Show the proposals as a table and change nothing until I confirm; then carry them out with triage_sentry_issue and sentry_issue_to_jira.",
            ].join("\n"),
          },
        },
      ],
    }),
  );
}
