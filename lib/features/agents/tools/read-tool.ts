import "server-only";
import type { McpServer, ToolCallback } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ShapeOutput, ZodRawShapeCompat } from "@modelcontextprotocol/sdk/server/zod-compat.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { AgentContext } from "@/lib/features/agents/context";
import { guard } from "./gate";
import { TOOL_SPECS, type ToolName } from "./specs";

type ReadToolConfig<Args extends ZodRawShapeCompat> = {
  title: string;
  description: string;
  inputSchema: Args;
  /** True when the tool reads Jira or Sentry, false when it reads only what Bosun stores. */
  openWorldHint: boolean;
};

/**
 * Registers a tool that only reads: annotated as read-only, and answering with the gate's refusal before its
 * handler runs when the caller's role lacks the permission its spec names.
 */
export function registerReadTool<Args extends ZodRawShapeCompat>(
  server: McpServer,
  ctx: AgentContext,
  name: ToolName,
  { openWorldHint, ...config }: ReadToolConfig<Args>,
  handler: (args: ShapeOutput<Args>) => Promise<CallToolResult>,
): void {
  const gated = async (args: ShapeOutput<Args>) => guard(ctx, TOOL_SPECS[name]) ?? handler(args);
  // ToolCallback is a conditional type that TypeScript leaves unresolved while Args is generic; for a shape it is
  // exactly this function.
  server.registerTool(
    name,
    { ...config, annotations: { readOnlyHint: true, openWorldHint } },
    gated as unknown as ToolCallback<Args>,
  );
}
