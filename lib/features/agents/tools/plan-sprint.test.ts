import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentContext } from "@/lib/features/agents/context";
import { useDatabaseAt } from "@/test/fixtures/database";
import { registerPlanSprint } from "./plan-sprint";

/**
 * plan_sprint's dates through the protocol, in memory. The database points at
 * an address nothing answers on: a request that got past the dates would end
 * in a connection error, not in an answer naming the field.
 */
const context: AgentContext = {
  org: { id: "org_test", slug: "acme", name: "Acme" },
  role: "manager",
  scope: "read",
  actor: { type: "agent", id: "key_test", label: "Test key" },
  requestId: "req-test",
  via: { kind: "api_key", keyId: "key_test" },
};

describe("plan_sprint dates", () => {
  let client: Client;

  useDatabaseAt("postgresql://bosun@127.0.0.1:1/nowhere");
  beforeAll(async () => {
    const server = new McpServer({ name: "bosun-test", version: "0.0.0" });
    registerPlanSprint(server, context);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    client = new Client({ name: "test", version: "0.0.0" });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  });
  afterAll(async () => {
    await client.close();
  });

  const plan = async (startDate: string, endDate: string) =>
    (await client.callTool({
      name: "plan_sprint",
      arguments: { boardId: 1, name: "Sprint 99", startDate, endDate, bufferPercent: 10 },
    })) as CallToolResult;
  const text = (result: CallToolResult) => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

  it("finding 10 (sprint dates): 1000-01-01 to 9999-12-28 is a tool error naming the date fields", async () => {
    const result = await plan("1000-01-01", "9999-12-28");
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/startDate/);
    expect(text(result)).toMatch(/endDate/);
    expect(text(result)).toMatch(/must be in the years 2000 to 2100/);
  });

  it("finding 10 (sprint dates): a sprint longer than 8 weeks is a tool error at the end date", async () => {
    const result = await plan("2026-03-02", "2026-04-28");
    expect(result.isError).toBe(true);
    expect(text(result)).toBe("endDate: a sprint can be at most 8 weeks long");
  });
});
