import "server-only";
import { nextSprintDefaults } from "@/lib/domain/planning";
import { loadSprintDashboard } from "./dashboard";

/** What the plan form starts from: the board, a name and dates after the sprints Jira has, and the suggested buffer. */
export type SprintPlanDefaults = {
  boardId: number;
  name: string;
  startDate: string;
  endDate: string;
  bufferPercent: number;
};

export type SprintPlanPage =
  | { status: "no-board" }
  | { status: "ok"; boardName: string; focusFactor: number; interruptRate: number; defaults: SprintPlanDefaults };

export async function loadSprintPlanPage({
  orgId,
  boardId,
  requestId,
  today,
}: {
  orgId: string;
  boardId?: number;
  requestId: string;
  today: string;
}): Promise<SprintPlanPage> {
  const data = await loadSprintDashboard({ orgId, boardId, requestId });
  if (data.status !== "ok") return { status: "no-board" };
  // Future sprints count too, so the suggested name is never one already taken.
  const sprints = [
    ...data.velocity.sprints.map((s) => ({ name: s.name, state: "closed", startDate: s.startedAt, endDate: null })),
    ...(data.activeSprint ? [data.activeSprint] : []),
    ...(data.nextSprint ? [data.nextSprint] : []),
  ];
  return {
    status: "ok",
    boardName: data.board.name,
    focusFactor: data.focusFactor,
    interruptRate: data.interruptRate,
    defaults: {
      boardId: data.board.id,
      ...nextSprintDefaults({ sprints, today }),
      bufferPercent: data.suggestedBufferPercent,
    },
  };
}
