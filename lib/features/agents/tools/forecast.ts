import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AgentContext } from "@/lib/features/agents/context";
import { describeAssumptions } from "@/lib/domain/forecast";
import { loadForecast, type SingleForecast } from "@/lib/features/forecasts";
import { fail, isUnreadable, ok, unreadableAnswer } from "./gate";
import { registerReadTool } from "./read-tool";

export const forecastInput = {
  boardId: z.number().int().positive().describe("The Jira board whose throughput is drawn from (list_boards)."),
  epicKey: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]*-\d+$/, "must be a Jira issue key such as ACME-12")
    .optional()
    .describe("Forecast this epic's open child issues. Give this or fixVersion, not both."),
  fixVersion: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Forecast the open issues planned for this fixVersion (its exact name). Give this or epicKey."),
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The tool's answer for every outcome but an unreadable Jira. */
function answer(result: Exclude<SingleForecast, { status: "not-connected" | "unavailable" }>, what: string) {
  switch (result.status) {
    case "not-found":
      return fail("This organization's Jira site has no such board (list_boards lists them).", { field: "boardId" });
    case "no-boards":
      return fail("The Jira site has no scrum boards.");
    case "no-project":
      return fail(`The board ${result.board.name} is not tied to one Jira project, so its open work has no query.`);
    case "no-open-work":
      return ok(`${what} has no open work in ${result.board.name}'s project: it is done, or not on this board.`, {
        board: { id: result.board.id, name: result.board.name },
        status: "no-open-work",
      });
    case "ok": {
      const { row, board, freshness } = result;
      const common = {
        board: { id: board.id, name: board.name },
        remaining: row.remaining,
        fetchedAt: freshness.fetchedAt,
        stale: freshness.stale,
      };
      if (row.forecast.status === "done") return ok(`${what} has nothing left to do.`, { ...common, status: "done" });
      if (row.forecast.status === "cannot-forecast")
        return ok(`${what} cannot be forecast: ${row.forecast.reason}`, {
          ...common,
          status: "cannot-forecast",
          reason: row.forecast.reason,
        });
      const { p50, p85, p95, assumptions } = row.forecast;
      const point = (p: typeof p50) => ({ sprint: p.sprints, date: day(p.date) });
      return ok(
        `${what}: ${row.remaining.issues} open issue(s), ${row.remaining.points} point(s). Done by ${day(p50.date)} (P50, sprint ${p50.sprints}), ${day(p85.date)} (P85, sprint ${p85.sprints}), ${day(p95.date)} (P95, sprint ${p95.sprints}).`,
        {
          ...common,
          status: "ok",
          p50: point(p50),
          p85: point(p85),
          p95: point(p95),
          assumptions: { ...assumptions, inWords: describeAssumptions(assumptions) },
        },
      );
    }
  }
}

/**
 * forecast: when an epic's or fixVersion's open work is likely done, as the Insights → Forecasts page shows it —
 * a seeded Monte Carlo over the board's past sprints' throughput, with its assumptions.
 */
export function registerForecast(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "forecast",
    {
      title: "Forecast an epic or fixVersion",
      description:
        "When the open work of one epic (epicKey) or one fixVersion (fixVersion) is likely done, from the board's past sprints: remaining points and issues (Jira today), and the sprint and date by which 50%, 85% and 95% of 10,000 simulated futures finish (each future draws past sprints' completed work at random; seeded, so the same data gives the same dates). Sprint 1 is the current sprint. The assumptions come as data and in words.",
      inputSchema: forecastInput,
      openWorldHint: true,
    },
    async ({ boardId, epicKey, fixVersion }) => {
      if ((epicKey === undefined) === (fixVersion === undefined))
        return fail("Give exactly one of epicKey and fixVersion.", { field: epicKey ? "fixVersion" : "epicKey" });
      const target = epicKey
        ? { kind: "epic" as const, key: epicKey }
        : { kind: "fixVersion" as const, name: fixVersion! };
      const result = await loadForecast({ orgId: ctx.org.id, boardId, target, requestId: ctx.requestId });
      if (isUnreadable(result)) return unreadableAnswer("Jira", ctx.org.name, result);
      return answer(result, epicKey ? `Epic ${epicKey}` : `fixVersion ${fixVersion}`);
    },
  );
}
