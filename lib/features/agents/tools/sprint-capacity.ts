import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { JiraSprint } from "@/lib/integrations/jira";
import type { AgentContext } from "@/lib/features/agents/context";
import { loadSprintDashboard } from "@/lib/features/sprints";
import { capped, fail, isUnreadable, ok, unreadableAnswer } from "./gate";
import { registerReadTool } from "./read-tool";

/** Lists in the answer stop here; counts say how many there were. */
const MAX_ITEMS = 50;

export const sprintCapacityInput = {
  boardId: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("Jira board id from list_boards; defaults to the first scrum board."),
};

const sprint = (s: JiraSprint | null) =>
  s ? { id: s.id, name: s.name, state: s.state, startDate: s.startDate, endDate: s.endDate, goal: s.goal } : null;

/**
 * get_sprint_capacity: what the sprint capacity page shows for one board —
 * the active sprint's capacity against its commitment, per-person load,
 * dependency conflicts, scope change, carryover and velocity — kept compact.
 */
export function registerSprintCapacity(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "get_sprint_capacity",
    {
      title: "Sprint capacity",
      description:
        "Capacity of a Jira board's active sprint: capacity, committed, completed and remaining story points, each person's load (Jira assignees outside the team have onTeam false and no capacity, so they are never over-committed), dependency conflicts, scope change, carryover, velocity of recent sprints and the suggested interruption buffer.",
      inputSchema: sprintCapacityInput,
      openWorldHint: true,
    },
    async ({ boardId }) => {
      const dashboard = await loadSprintDashboard({ orgId: ctx.org.id, boardId, requestId: ctx.requestId });
      if (isUnreadable(dashboard)) return unreadableAnswer("Jira", ctx.org.name, dashboard);
      if (dashboard.status === "no-boards") return fail("The Jira site has no scrum boards.");
      if (boardId !== undefined && dashboard.board.id !== boardId)
        return fail(`There is no scrum board ${boardId}; list_boards shows the boards.`);

      const { board, activeSprint, health, velocity } = dashboard;
      const summary = !activeSprint
        ? `${board.name} has no active sprint${dashboard.nextSprint ? `; the next one is "${dashboard.nextSprint.name}"` : ""}.`
        : !health
          ? `"${activeSprint.name}" on ${board.name} has no start or end date, so its capacity is unknown.`
          : `"${activeSprint.name}" on ${board.name}: ${health.committedPoints} points committed against a capacity of ${health.capacityPoints}${health.isOverCommitted ? ` (over by ${health.overCommittedBy})` : ""}, ${health.completedPoints} completed; ${health.conflicts.length} dependency conflict(s).`;
      return ok(summary, {
        board: { id: board.id, name: board.name, projectKey: board.projectKey },
        otherBoards: dashboard.boards
          .filter((b) => b.id !== board.id)
          .map((b) => ({ id: b.id, name: b.name }))
          .slice(0, MAX_ITEMS),
        activeSprint: sprint(activeSprint),
        nextSprint: sprint(dashboard.nextSprint),
        capacity: health && {
          capacityPoints: health.capacityPoints,
          committedPoints: health.committedPoints,
          completedPoints: health.completedPoints,
          remainingPoints: health.remainingPoints,
          unestimatedCount: health.unestimatedCount,
          isOverCommitted: health.isOverCommitted,
          overCommittedBy: health.overCommittedBy,
        },
        perPerson: health && capped(health.perPerson, MAX_ITEMS),
        conflicts: health && capped(health.conflicts, MAX_ITEMS),
        scope: health && {
          addedPoints: health.scope.addedPoints,
          removedPoints: health.scope.removedPoints,
          added: capped(health.scope.addedKeys, MAX_ITEMS),
          removed: capped(health.scope.removedKeys, MAX_ITEMS),
        },
        carryover: health && { points: health.carryover.points, keys: capped(health.carryover.keys, MAX_ITEMS) },
        velocity: {
          averageCompleted: velocity.averageCompleted,
          averageCommitted: velocity.averageCommitted,
          completionRatio: velocity.completionRatio,
          sprints: velocity.sprints.slice(-MAX_ITEMS),
        },
        focusFactor: dashboard.focusFactor,
        interruptRate: dashboard.interruptRate,
        suggestedBufferPercent: dashboard.suggestedBufferPercent,
        estimationField: dashboard.estimationField,
        freshness: dashboard.freshness,
      });
    },
  );
}
