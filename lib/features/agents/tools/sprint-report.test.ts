import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { agentContextOf, callTool, toolText as text } from "@/test/fixtures/mcp";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { db } from "@/lib/db/client";
import type { AgentContext } from "@/lib/features/agents/context";
import { backfillSprintHistory, SPRINT_HISTORY_QUEUE } from "@/lib/features/sprint-reports";
import { registerSprintReport } from "./sprint-report";

/** The sprint_report tool through the protocol, in memory, against the Jira emulator's demo data. */
describe("sprint_report tool", () => {
  let jira: JiraEmulator;
  let acme: AgentContext;
  let globex: AgentContext;

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "sprint-report-tool",
    seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    acme = await agentContextOf("acme");
    globex = await agentContextOf("globex");
  });
  afterAll(async () => {
    await jira.close();
  });

  const call = (ctx: AgentContext, args: Record<string, unknown>) =>
    callTool(registerSprintReport, ctx, "sprint_report", args);
  const acmeSite = () => jira.store().sites.get("acme")!.data;

  it("asks for the history when there is none and says it is filling", async () => {
    const result = await call(acme, { boardId: acmeSite().boards[0]!.id });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/filling its sprint history/);
    expect(await db.job.count({ where: { orgId: acme.org.id, queue: SPRINT_HISTORY_QUEUE } })).toBe(1);
  });

  it("reports the latest closed sprint by default: figures, daily series, carryover with reasons, history", async () => {
    await backfillSprintHistory({ orgId: acme.org.id, now: new Date() });
    const board = acmeSite().boards[0]!;
    const latest = acmeSite()
      .sprints.filter((s) => s.originBoardId === board.id && s.state === "closed")
      .at(-1)!;
    const result = await call(acme, { boardId: board.id });
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as {
      sprint: { id: number; basis: string };
      figures: { committedPoints: number; completedPoints: number; carryoverIssues: number };
      days: { day: string; remaining: number }[];
      carryover: { key: string; reason: string; reasonLabel: string }[];
      againstHistory: { sprints: number; planningAccuracy: { median: number | null } };
      capacityAccuracy: { known: boolean };
    };
    expect(data.sprint).toMatchObject({ id: latest.id, basis: "backfilled" });
    expect(data.figures.committedPoints).toBeGreaterThan(0);
    expect(data.days.length).toBeGreaterThan(5);
    expect(data.carryover).toHaveLength(data.figures.carryoverIssues);
    expect(data.carryover.every((c) => c.reasonLabel.length > 0)).toBe(true);
    expect(data.againstHistory.sprints).toBeGreaterThan(0);
    expect(data.againstHistory.planningAccuracy.median).not.toBeNull();
    // Bosun did not see these sprints start, so it recorded no capacity for them.
    expect(data.capacityAccuracy.known).toBe(false);
    expect(text(result)).toContain(latest.name);

    const earlier = acmeSite().sprints.find((s) => s.originBoardId === board.id && s.state === "closed")!;
    const chosen = await call(acme, { boardId: board.id, sprintId: earlier.id });
    expect((chosen.structuredContent as { sprint: { id: number } }).sprint.id).toBe(earlier.id);
  });

  it("answers not found for another org's board and an unknown sprint", async () => {
    const board = acmeSite().boards[0]!;
    await backfillSprintHistory({ orgId: globex.org.id, now: new Date() });
    const other = await call(globex, { boardId: board.id });
    expect(other.isError).toBe(true);
    expect(text(other)).toMatch(/no closed sprint Bosun knows of/);
    const unknown = await call(acme, { boardId: board.id, sprintId: 999_999 });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/no sprint 999999/);
  });
});
