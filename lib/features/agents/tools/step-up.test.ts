import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { JIRA_DEMO_API_TOKEN, SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import type { AgentContext } from "@/lib/features/agents/context";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import * as tools from "./index";
import { db } from "@/lib/db/client";

const PUBLIC_URL = "http://127.0.0.1:3999";
const SESSION = "session_oauth_grace";

/**
 * The bulk-write tools against a real database and the Jira and Sentry
 * emulators, in memory: grace's MCP client reaches them through an OAuth
 * session of acme, which requires MFA; its last code is older than 15 minutes.
 */
describe("finding 2 (MFA): MCP tools that write in bulk need a recent second factor", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let oauth: AgentContext;
  let apiKey: AgentContext;
  const open: Client[] = [];

  const connect = async (ctx: AgentContext) => {
    const server = new McpServer({ name: "bosun-test", version: "0.0.0" });
    tools.registerBosunTools(server, ctx);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: "test", version: "0.0.0" });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    open.push(client);
    return client;
  };
  const call = async (ctx: AgentContext, name: string, args: Record<string, unknown>) =>
    (await (await connect(ctx)).callTool({ name, arguments: args })) as CallToolResult;
  const text = (result: CallToolResult) => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  const verifiedMinutesAgo = (minutes: number) =>
    db.userSession.update({
      where: { workosSessionId: SESSION },
      data: { mfaVerified: true, mfaVerifiedAt: new Date(Date.now() - minutes * 60_000) },
    });
  const expectStepUp = (result: CallToolResult) => {
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/code from your authenticator app.*15 minutes/);
    expect(text(result)).toContain(`${PUBLIC_URL}/mfa?org=acme&connection=${SESSION}`);
  };
  const sentryIssueIds = async (count: number) => {
    const listed = (await (
      await fetch(`${sentry.url}/api/0/organizations/acme/issues/?statsPeriod=30d&limit=25`, {
        headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
      })
    ).json()) as { id: string }[];
    return listed.slice(0, count).map((i) => i.id);
  };

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
  });
  useSeededDatabase({ label: "mcpstepup", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    setTestEnv({ BOSUN_PUBLIC_URL: PUBLIC_URL });
    const acme = await db.organization.update({
      where: { slug: "acme" },
      data: { requireMfa: true },
      select: { id: true, slug: true, name: true },
    });
    const grace = await db.user.findUniqueOrThrow({ where: { email: "grace@acme.test" } });
    await db.userSession.create({
      data: {
        workosSessionId: SESSION,
        userId: grace.id,
        orgId: acme.id,
        oauthClientId: "client_test",
        mfaVerified: true,
      },
    });
    const base = { org: acme, role: "admin" as const, scope: "read_write" as const, requestId: "req-step-up" };
    oauth = {
      ...base,
      actor: { type: "agent", id: grace.id, label: "grace@acme.test via MCP client client_test" },
      via: { kind: "oauth", userId: grace.id, clientId: "client_test", sessionId: SESSION },
    };
    apiKey = {
      ...base,
      actor: { type: "agent", id: "key_release", label: "API key “Release agent”" },
      via: { kind: "api_key", keyId: "key_release" },
    };
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    restoreTestEnv();
    await Promise.all([jira?.close(), sentry?.close()]);
  });

  it("apply_sprint_plan", async () => {
    await verifiedMinutesAgo(20);
    const board = (
      (await (
        await fetch(`${jira.url}/acme/rest/agile/1.0/board?maxResults=1`, {
          headers: { authorization: `Bearer ${JIRA_DEMO_API_TOKEN}` },
        })
      ).json()) as { values: { id: number }[] }
    ).values[0]!;
    const planned = await call(oauth, "plan_sprint", {
      boardId: board.id,
      name: "Agent sprint",
      startDate: "2031-01-06",
      endDate: "2031-01-17",
      bufferPercent: 10,
    });
    expect(planned.isError, text(planned)).toBeFalsy();
    const { planId } = planned.structuredContent as { planId: string };

    expectStepUp(await call(oauth, "apply_sprint_plan", { planId }));
    expect(await db.outboxIntent.count({ where: { operation: { startsWith: "jira.sprint" } } })).toBe(0);

    await verifiedMinutesAgo(1);
    const applied = await call(oauth, "apply_sprint_plan", { planId });
    expect(applied.isError, text(applied)).toBeFalsy();
    expect(text(applied)).toMatch(/^Applied "Agent sprint"/);
  });

  it("create_tickets (a dry run needs no step-up)", async () => {
    await verifiedMinutesAgo(20);
    const request = { name: "Berth booking by agent", jiraProjectKey: "ACME", stories: [{ title: "Pick a berth" }] };
    const dryRun = await call(oauth, "create_tickets", { ...request, dryRun: true });
    expect(dryRun.isError, text(dryRun)).toBeFalsy();

    expectStepUp(await call(oauth, "create_tickets", { ...request, dryRun: false }));
    expect(
      await db.outboxIntent.count({ where: { operation: { in: ["jira.issue.create", "jira.issues.create_bulk"] } } }),
    ).toBe(0);

    await verifiedMinutesAgo(1);
    const created = await call(oauth, "create_tickets", { ...request, dryRun: false });
    expect(created.isError, text(created)).toBeFalsy();
    expect((created.structuredContent as { created: { key: string }[] }).created.length).toBeGreaterThan(0);
  });

  it("triage_sentry_issue on more than 10 issues (10 or fewer need no step-up)", async () => {
    await verifiedMinutesAgo(20);
    const ids = await sentryIssueIds(12);
    const one = await call(oauth, "triage_sentry_issue", { issueIds: ids.slice(0, 1), action: "ignore" });
    expect(one.isError, text(one)).toBeFalsy();

    expectStepUp(await call(oauth, "triage_sentry_issue", { issueIds: ids.slice(1, 12), action: "ignore" }));
    expect(await db.outboxIntent.count({ where: { operation: "sentry.issues.update" } })).toBe(1);

    await verifiedMinutesAgo(1);
    const eleven = await call(oauth, "triage_sentry_issue", { issueIds: ids.slice(1, 12), action: "ignore" });
    expect(eleven.isError, text(eleven)).toBeFalsy();
  });

  it("an org API key writes in bulk without a session: it was created under a step-up", async () => {
    const ids = await sentryIssueIds(25);
    const result = await call(apiKey, "triage_sentry_issue", { issueIds: ids.slice(12, 24), action: "resolve" });
    expect(result.isError, text(result)).toBeFalsy();
  });
});
