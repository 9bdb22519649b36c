import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { agentContextOf, callTool, toolText as text } from "@/test/fixtures/mcp";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import type { AgentContext } from "@/lib/features/agents/context";
import { loadBoardContext } from "@/lib/features/sprints";
import { loadForecastsPage } from "@/lib/features/forecasts";
import { registerForecast } from "./forecast";

/** The forecast tool through the protocol, in memory, against the Jira emulator's demo data. */
describe("forecast tool", () => {
  let jira: JiraEmulator;
  let acme: AgentContext;
  let globex: AgentContext;
  let boardId: number;
  let epicKey: string;

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "forecast-tool",
    seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    acme = await agentContextOf("acme");
    globex = await agentContextOf("globex");
    const context = await loadBoardContext({ orgId: acme.org.id });
    if (context.status !== "ok") throw new Error(context.status);
    const page = await loadForecastsPage({ orgId: acme.org.id });
    if (page.status !== "ok") throw new Error(page.status);
    boardId = page.board.id;
    epicKey = page.epics[0]!.key;
  });
  afterAll(async () => {
    await jira.close();
  });

  const call = (ctx: AgentContext, args: Record<string, unknown>) => callTool(registerForecast, ctx, "forecast", args);

  it("forecasts an epic: remaining work, P50 ≤ P85 ≤ P95 sprints and dates, and the assumptions", async () => {
    const result = await call(acme, { boardId, epicKey });
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as {
      status: string;
      remaining: { issues: number };
      p50: { sprint: number; date: string };
      p85: { sprint: number; date: string };
      p95: { sprint: number; date: string };
      assumptions: { seed: number; inWords: string[] };
    };
    expect(data.status).toBe("ok");
    expect(data.remaining.issues).toBeGreaterThan(0);
    expect(data.p85.sprint).toBeGreaterThanOrEqual(data.p50.sprint);
    expect(data.p95.sprint).toBeGreaterThanOrEqual(data.p85.sprint);
    expect(data.p85.date >= data.p50.date).toBe(true);
    expect(data.assumptions.inWords.join(" ")).toMatch(/History used/);
    expect(text(result)).toContain(`Epic ${epicKey}`);
    expect((await call(acme, { boardId, epicKey })).structuredContent).toEqual(result.structuredContent);
  });

  it("wants exactly one of epicKey and fixVersion", async () => {
    for (const args of [{ boardId }, { boardId, epicKey, fixVersion: "2.15.0" }]) {
      const result = await call(acme, args);
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/exactly one of epicKey and fixVersion/);
    }
  });

  it("answers not found for another org's board", async () => {
    const result = await call(globex, { boardId, epicKey });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/no such board/);
  });
});
