import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import type { AgentContext } from "@/lib/features/agents/context";
import type { ReleaseScorecard, UserFeedback } from "@/lib/features/performance";
import { registerBosunTools } from "./index";

/**
 * performance_by_release and list_user_feedback over the Sentry emulator's seeded world: each org sees its own
 * releases, and 2.14.0's crash-free and performance regressions come back with their reasons.
 */
describe("performance tools against the Sentry emulator", () => {
  let sentry: RunningSentryEmulator;
  const open: Client[] = [];
  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "mcpperformance",
    seed: () => ({ urls: { sentry: sentry.url, jira: "http://127.0.0.1:1" } }),
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await sentry.close();
  });

  async function connect(slug: "acme" | "globex") {
    const org = await db.organization.findUniqueOrThrow({ where: { slug } });
    const ctx: AgentContext = {
      org: { id: org.id, slug, name: org.name },
      role: "member",
      scope: "read",
      actor: { type: "agent", id: "key_test", label: "Test key" },
      requestId: "req-test",
      via: { kind: "api_key", keyId: "key_test" },
    };
    const server = new McpServer({ name: "bosun-test", version: "0.0.0" });
    registerBosunTools(server, ctx);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: "test", version: "0.0.0" });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    open.push(client);
    return client;
  }
  const text = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;
  const data = <T>(result: unknown) => (result as CallToolResult).structuredContent as T;

  it("performance_by_release gives 2.14.0's crash-free and performance regressions with their reasons", async () => {
    const acme = await connect("acme");
    const result = await acme.callTool({ name: "performance_by_release", arguments: { version: "2.14.0" } });
    expect(result.isError, text(result)).toBeFalsy();
    const [scorecard] = data<{ releases: ReleaseScorecard[] }>(result).releases;
    expect(scorecard).toMatchObject({ version: "2.14.0", comparedTo: "2.13.0", isRegression: true });
    expect(scorecard!.crashRegression.reason).toMatch(/^crash-free sessions/);
    expect(scorecard!.performanceRegressions.map((r) => r.metric)).toContain("lcpP75");
    expect(text(result)).toMatch(
      /Regressions: 2\.14\.0 \(crash-free sessions .*p75 LCP [\d.]+ s vs [\d.]+ s in 2\.13\.0/,
    );
  });

  it("answers each org with its own releases only", async () => {
    const globex = await connect("globex");
    const result = await globex.callTool({ name: "performance_by_release", arguments: { version: "2.14.0" } });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('Sentry has no release named "2.14.0"');
  });

  it("list_user_feedback lists 2.14.0's complaints about slowness, newest first", async () => {
    const acme = await connect("acme");
    const result = await acme.callTool({ name: "list_user_feedback", arguments: { release: "2.14.0", query: "slow" } });
    expect(result.isError, text(result)).toBeFalsy();
    const { feedback } = data<{ feedback: UserFeedback[] }>(result);
    expect(feedback.length).toBeGreaterThan(0);
    expect(feedback.every((f) => f.release === "2.14.0" && /slow/i.test(f.message))).toBe(true);
    const times = feedback.map((f) => f.firstSeen);
    expect(times).toEqual([...times].sort().reverse());
  });
});
