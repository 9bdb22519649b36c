import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { AgentContext } from "./context";
import { registerBosunTools } from "./tools";

/** One MCP server per request (the endpoint is stateless), carrying the caller's org, role and scope into every tool. */
export function createBosunMcpServer(ctx: AgentContext): McpServer {
  const server = new McpServer(
    { name: "bosun", title: "Bosun", version: "0.1.0" },
    {
      instructions: `You are connected to Bosun for ${ctx.org.name} as a ${ctx.role}${ctx.scope === "read" ? " with a read-only key" : ""}. Tools cover Jira sprint capacity and planning, Sentry issues and release health, tickets from requirements and release notes. Writes are audited as agent actions.`,
    },
  );
  registerBosunTools(server, ctx);
  return server;
}
