import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { getJiraConfig } from "@/lib/integrations/connections";
import type { AgentContext } from "@/lib/features/agents/context";
import { readBoards } from "@/lib/integrations/jira/reads";
import { fail, notConnected, ok, unavailable } from "./gate";
import { registerReadTool } from "./read-tool";

/** list_boards: the Jira boards of the org's site (cached like the sprint pages), for picking a boardId. */
export function registerListBoards(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "list_boards",
    {
      title: "List Jira boards",
      description:
        "Lists the Jira boards of the organization's connected Jira site: id, name, type (scrum or kanban) and project key. Use a board's id with get_sprint_capacity and plan_sprint.",
      inputSchema: {},
      openWorldHint: true,
    },
    async () => {
      const config = await getJiraConfig({ orgId: ctx.org.id, requestId: ctx.requestId });
      if (!config) return fail(notConnected("Jira", ctx.org.name));
      try {
        const boards = await readBoards({ orgId: ctx.org.id, config });
        const names = boards.value.map((b) => `${b.name} (${b.id})`).join(", ");
        return ok(
          boards.value.length === 0
            ? "The Jira site has no boards."
            : `${boards.value.length} Jira board(s): ${names}.`,
          {
            boards: boards.value.map((b) => ({ id: b.id, name: b.name, type: b.type, projectKey: b.projectKey })),
            fetchedAt: boards.fetchedAt,
            stale: boards.stale,
            error: boards.error,
          },
        );
      } catch (error) {
        if (error instanceof IntegrationError) return fail(unavailable("Jira", integrationErrorText(error)));
        throw error;
      }
    },
  );
}
