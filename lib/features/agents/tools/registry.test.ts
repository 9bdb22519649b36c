import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/permissions";
import type { AgentContext } from "@/lib/features/agents/context";
import { AUTOMATION_RULES_URI, registerBosunTools, TOOL_NAMES, TOOL_SPECS, WRITE_TOOLS } from "./index";

/**
 * The registry through the protocol, in memory: what a client lists, and the
 * answers that come before any data is read — the gate and input validation.
 * (Calls that reach Jira and Sentry are covered over HTTP elsewhere.)
 */
const context = (role: Role, scope: AgentContext["scope"]): AgentContext => ({
  org: { id: "org_test", slug: "acme", name: "Acme" },
  role,
  scope,
  actor: { type: "agent", id: "key_test", label: "Test key" },
  requestId: "req-test",
  via: { kind: "api_key", keyId: "key_test" },
});

const open: Client[] = [];
async function connect(ctx: AgentContext) {
  const server = new McpServer({ name: "bosun-test", version: "0.0.0" });
  registerBosunTools(server, ctx);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "test", version: "0.0.0" });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  open.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

const text = (result: Awaited<ReturnType<Client["callTool"]>>) =>
  ((result as CallToolResult).content[0] as { text: string }).text;

/** Arguments each write tool accepts, so the call gets past validation to the gate. */
const VALID_WRITE_ARGS: Record<string, Record<string, unknown>> = {
  apply_sprint_plan: { planId: "0123456789abcdef01234567" },
  create_tickets: {
    name: "Berth booking",
    jiraProjectKey: "ACME",
    stories: [{ title: "Pick a berth" }],
    dryRun: false,
  },
  triage_sentry_issue: { issueIds: ["1"], action: "resolve" },
  sentry_issue_to_jira: { issueId: "1", projectKey: "ACME" },
};

describe("registerBosunTools", () => {
  it("lists every tool, with a title, a description, an object input schema and an honest readOnlyHint", async () => {
    const client = await connect(context("member", "read"));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length, tool.name).toBeGreaterThan(40);
      expect(tool.inputSchema.type, tool.name).toBe("object");
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(!TOOL_SPECS[tool.name as keyof typeof TOOL_SPECS].write);
    }
    const plan = tools.find((t) => t.name === "plan_sprint");
    expect(plan?.inputSchema.required).toEqual(
      expect.arrayContaining(["boardId", "name", "startDate", "endDate", "bufferPercent"]),
    );
    const tickets = tools.find((t) => t.name === "create_tickets");
    expect(Object.keys(tickets?.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(["name", "jiraProjectKey", "stories", "dryRun"]),
    );
  });

  it("refuses every write tool on a read-only key, before reading anything", async () => {
    const client = await connect(context("admin", "read"));
    for (const name of WRITE_TOOLS) {
      const result = await client.callTool({ name, arguments: VALID_WRITE_ARGS[name] });
      expect(result.isError, name).toBe(true);
      expect(text(result), name).toBe("This API key is read-only.");
    }
  });

  it("refuses tools the role may not use, saying which permission is missing", async () => {
    const client = await connect(context("member", "read_write"));
    const result = await client.callTool({
      name: "plan_sprint",
      arguments: { boardId: 1, name: "Sprint 15", startDate: "2026-03-02", endDate: "2026-03-13", bufferPercent: 10 },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("Your role (member)");
    expect(text(result)).toContain("sprints:plan");
    const dryRun = await client.callTool({
      name: "create_tickets",
      arguments: { name: "Berth booking", jiraProjectKey: "ACME", stories: [{ title: "Pick a berth" }] },
    });
    expect(text(dryRun)).toContain("tickets:create");
  });

  it("answers invalid input with an error result naming the field", async () => {
    const client = await connect(context("admin", "read_write"));
    const result = await client.callTool({ name: "list_sentry_issues", arguments: { limit: 500 } });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("limit");
    const triage = await client.callTool({
      name: "triage_sentry_issue",
      arguments: { issueIds: ["WEB-1"], action: "resolve" },
    });
    expect(triage.isError).toBe(true);
    expect(text(triage)).toContain("must be Sentry issue ids");
    const investigate = await client.callTool({ name: "investigate_sentry_issue", arguments: { issueId: "WEB-1" } });
    expect(investigate.isError).toBe(true);
    expect(text(investigate)).toContain("issueId");
  });

  it("checks plan dates with the plan form's own schema", async () => {
    const client = await connect(context("manager", "read"));
    const result = await client.callTool({
      name: "plan_sprint",
      arguments: { boardId: 1, name: "Sprint 15", startDate: "2026-03-13", endDate: "2026-03-02", bufferPercent: 10 },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe("endDate: must be after the start date");
  });

  it("offers the automation rules resource only to roles that may view automations", async () => {
    const manager = await connect(context("manager", "read"));
    expect((await manager.listResources()).resources.map((r) => r.uri)).toEqual([AUTOMATION_RULES_URI]);
    const member = await connect(context("member", "read_write"));
    expect(member.getServerCapabilities()?.resources).toBeUndefined();
  });

  it("has a short triage prompt that starts from the critical issues", async () => {
    const client = await connect(context("member", "read"));
    expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual(["triage_errors"]);
    const prompt = await client.getPrompt({ name: "triage_errors", arguments: { period: "7d" } });
    const message = prompt.messages[0]?.content;
    expect(message?.type).toBe("text");
    expect(message?.type === "text" && message.text).toContain(
      'list_sentry_issues with severity "critical" and period "7d"',
    );
  });
});
