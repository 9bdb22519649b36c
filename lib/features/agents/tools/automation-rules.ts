import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { can } from "@/lib/domain/permissions";
import { listRules } from "@/lib/db/queries/automations";
import { describeRuleConfig, KIND_LABELS, parseRule } from "@/lib/domain/automations";
import type { AgentContext } from "@/lib/features/agents/context";

export const AUTOMATION_RULES_URI = "bosun://automation-rules";

/**
 * The resource bosun://automation-rules: the org's automation rules as the
 * automations page lists them — kind, name, on or off, and what each does in
 * one sentence. Registered only for roles that may view automations.
 */
export function registerAutomationRulesResource(server: McpServer, ctx: AgentContext) {
  if (!can(ctx.role, "automations:view")) return;
  server.registerResource(
    "automation-rules",
    AUTOMATION_RULES_URI,
    {
      title: "Automation rules",
      description: `The automation rules of ${ctx.org.name}: what each does and whether it is on.`,
      mimeType: "application/json",
    },
    async (uri) => {
      const rules = (await listRules({ orgId: ctx.org.id })).map((rule) => {
        const parsed = parseRule(rule);
        return {
          id: rule.id,
          kind: rule.kind,
          kindLabel: KIND_LABELS[rule.kind].title,
          name: rule.name,
          enabled: rule.enabled,
          description: parsed.ok ? describeRuleConfig(parsed.rule) : null,
          config: parsed.ok ? parsed.rule.config : null,
          configError: parsed.ok ? null : parsed.error,
          updatedAt: rule.updatedAt.toISOString(),
        };
      });
      return {
        contents: [
          { uri: uri.href, mimeType: "application/json", text: JSON.stringify({ org: ctx.org.slug, rules }, null, 2) },
        ],
      };
    },
  );
}
