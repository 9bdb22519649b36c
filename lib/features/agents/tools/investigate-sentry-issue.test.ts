import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { reportWithPersonalData } from "@/lib/domain/investigation/report-fixture";
import type { AgentContext } from "@/lib/features/agents/context";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { agentReport, registerInvestigateSentryIssue } from "./investigate-sentry-issue";

const EMAIL = /[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9-]+\.[a-z]{2,}/i;
const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\b/;

describe("agentReport", () => {
  it("drops the event's user and scrubs every text, keeping the Sentry link", () => {
    const report = reportWithPersonalData();
    const scrubbed = agentReport(report);
    expect(scrubbed.latestEvent?.user).toBeNull();
    expect(scrubbed.issue.permalink).toBe(report.issue.permalink);
    const { owners, ...rest } = scrubbed;
    expect(JSON.stringify(rest)).not.toMatch(EMAIL);
    expect(JSON.stringify(rest)).not.toMatch(IPV4);
    expect(JSON.stringify(scrubbed)).not.toContain("abc123secret");
    // Owners are org members, named by their e-mail in the rules; their addresses are scrubbed too.
    expect(owners?.owners[0]).toEqual({ name: "Grace Hopper", email: "[email]" });
  });
});

describe("investigate_sentry_issue over the Sentry emulator", () => {
  let sentry: RunningSentryEmulator;
  let client: Client;
  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "investigatetool",
    seed: () => ({ urls: { sentry: sentry.url, jira: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    const ctx: AgentContext = {
      org: { id: org.id, slug: org.slug, name: org.name },
      role: "member",
      scope: "read",
      actor: { type: "agent", id: "key_test", label: "Test key" },
      requestId: "req-investigate-tool",
      via: { kind: "api_key", keyId: "key_test" },
    };
    const server = new McpServer({ name: "bosun-test", version: "0.0.0" });
    registerInvestigateSentryIssue(server, ctx);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    client = new Client({ name: "test", version: "0.0.0" });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  });
  afterAll(async () => {
    await client.close();
    await sentry.close();
  });

  it("answers a member with the report: frames, suspect commit, no e-mail or IP", async () => {
    const [issue] = (await (
      await fetch(`${sentry.url}/api/0/organizations/acme/issues/?query=project:api&limit=1`, {
        headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
      })
    ).json()) as { id: string }[];
    const result = (await client.callTool({
      name: "investigate_sentry_issue",
      arguments: { issueId: issue!.id },
    })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const text = (result.content[0] as { text: string }).text;
    expect(text).toMatch(/Innermost in-app frame: \S+:\d+/);
    expect(text).toMatch(/Top suspect commit: [0-9a-f]{12} /);
    const data = JSON.stringify(result.structuredContent);
    expect(data).toContain("src/middleware/request-context.ts");
    const { report } = result.structuredContent as { report: { issue: { permalink: string } } };
    expect(data.replace(report.issue.permalink, "")).not.toMatch(IPV4);
    expect(data).not.toMatch(EMAIL);
  });

  it("answers an unknown issue with an error", async () => {
    const result = (await client.callTool({
      name: "investigate_sentry_issue",
      arguments: { issueId: "999999999999" },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect((result.content[0] as { text: string }).text).toBe(
      "Sentry issue 999999999999 is not an issue of Acme Maritime.",
    );
  });
});
