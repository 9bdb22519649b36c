import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AgentContext } from "@/lib/features/agents/context";
import { CARRYOVER_REASON_LABELS } from "@/lib/domain/sprint-report";
import { ensureSprintHistory, loadSprintReport, REPORT_TIME_ZONE } from "@/lib/features/sprint-reports";
import { fail, ok } from "./gate";
import { registerReadTool } from "./read-tool";

export const sprintReportInput = {
  boardId: z.number().int().positive().describe("The Jira board's id (list_boards lists them)."),
  sprintId: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      "The sprint's id; by default the board's latest closed sprint. The running sprint gives a report so far.",
    ),
};

const pct = (ratio: number | null) => (ratio === null ? "unknown" : `${Math.round(ratio * 100)}%`);

/**
 * sprint_report: one sprint's report from Bosun's stored history (no Jira read): committed vs completed, scope added
 * and removed, the daily burndown/burnup with the scope line, carryover with reasons, and planning and capacity
 * accuracy against the median of the board's earlier sprints.
 */
export function registerSprintReport(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "sprint_report",
    {
      title: "Sprint report",
      description:
        "A sprint's report from the history Bosun keeps (up to 26 closed sprints per board): committed vs completed points and issues, scope added and removed after the start, the daily series (scope, completed, remaining, guideline; UTC days), each unfinished issue with why it carries over (not started, in review, blocked, in progress, finished after the close), planning accuracy (committed work completed ÷ committed) and capacity accuracy (completed ÷ the capacity recorded at the start, unknown when none was), each against the median of the board's earlier sprints. A backfilled sprint (start never seen) has no known scope change and no interrupt rate.",
      inputSchema: sprintReportInput,
      openWorldHint: false,
    },
    async ({ boardId, sprintId }) => {
      const orgId = ctx.org.id;
      const page = await loadSprintReport({ orgId, boardId, sprintId });
      if (page.status !== "ok") {
        const history = await ensureSprintHistory({ orgId });
        if (history.filling)
          return fail("Bosun is filling its sprint history from Jira; ask again in a minute.", { field: "boardId" });
        return fail(
          sprintId === undefined
            ? `Board ${boardId} has no closed sprint Bosun knows of (list_boards lists the boards).`
            : `Bosun has no sprint ${sprintId} on board ${boardId}.`,
          { field: sprintId === undefined ? "boardId" : "sprintId" },
        );
      }
      const { sprint, history, board } = page;
      const { report } = sprint;
      const f = report.figures;
      const text = `${sprint.name} on ${board.name} (${sprint.state === "active" ? "so far" : "closed"}, ${report.burn.basis}): committed ${f.committedPoints} points, completed ${f.completedPoints}; added ${f.addedPoints}, removed ${f.removedPoints}; carryover ${f.carryoverIssues} issue(s), ${f.carryoverPoints} points. Planning accuracy ${pct(report.planning.points)} (median before: ${pct(history.planningAccuracy.median)}); capacity accuracy ${pct(history.capacityAccuracy.sprint)}.`;
      return ok(text, {
        board,
        sprint: {
          id: sprint.sprintId,
          name: sprint.name,
          state: sprint.state,
          startDate: sprint.startDate,
          endDate: sprint.endDate,
          completeDate: sprint.completeDate,
          basis: report.burn.basis,
        },
        figures: f,
        planningAccuracy: report.planning,
        capacityAccuracy: report.capacity,
        againstHistory: history,
        timeZone: REPORT_TIME_ZONE,
        days: report.burn.days,
        unplacedChanges: report.burn.unplacedChanges,
        carryover: report.carryover.map((item) => ({ ...item, reasonLabel: CARRYOVER_REASON_LABELS[item.reason] })),
      });
    },
  );
}
