import type { JiraSprint, SprintState } from "./model";
import type { JiraSite } from "./store";

/**
 * The sprint state machine of the Agile API: future → active needs start and
 * end dates (and no other active sprint on the board); active → closed sets
 * completeDate; nothing else. A closed sprint only takes name and goal.
 */
export type SprintInput = {
  name?: unknown;
  goal?: unknown;
  startDate?: unknown;
  endDate?: unknown;
  state?: unknown;
  originBoardId?: unknown;
};
export type SprintUpdateResult = { ok: true } | { ok: false; messages: string[]; errors: Record<string, string> };

const STATES: SprintState[] = ["future", "active", "closed"];

export function parseSprintDate(value: unknown): number | null | "invalid" {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return "invalid";
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? "invalid" : ms;
}

const fail = (messages: string[], errors: Record<string, string> = {}): SprintUpdateResult => ({
  ok: false,
  messages,
  errors,
});

export function updateSprint(
  site: JiraSite,
  sprint: JiraSprint,
  input: SprintInput,
  mode: "partial" | "full",
  now: number,
): SprintUpdateResult {
  const has = (field: keyof SprintInput) => input[field] !== undefined;
  const errors: Record<string, string> = {};

  const name = has("name") ? input.name : mode === "full" ? null : sprint.name;
  if (typeof name !== "string" || name.trim() === "") errors.name = "The sprint name must not be empty.";
  else if (name.length > 30) errors.name = "The sprint name must not be longer than 30 characters.";
  const goal = has("goal") ? input.goal : mode === "full" ? "" : sprint.goal;
  if (goal !== null && typeof goal !== "string") errors.goal = "The sprint goal must be a string.";
  const state = has("state") ? input.state : sprint.state;
  if (!STATES.includes(state as SprintState)) errors.state = `The sprint state must be one of ${STATES.join(", ")}.`;
  if (Object.keys(errors).length > 0) return fail([], errors);

  if (sprint.state === "closed") {
    if (state !== "closed") return fail([`Cannot change the state of a closed sprint to '${String(state)}'.`]);
    sprint.name = name as string;
    sprint.goal = (goal as string | null) ?? "";
    site.touch();
    return { ok: true };
  }

  const startDate = has("startDate") ? parseSprintDate(input.startDate) : mode === "full" ? null : sprint.startDate;
  const endDate = has("endDate") ? parseSprintDate(input.endDate) : mode === "full" ? null : sprint.endDate;
  if (startDate === "invalid") errors.startDate = "The start date is not a valid date.";
  if (endDate === "invalid") errors.endDate = "The end date is not a valid date.";
  if (Object.keys(errors).length > 0) return fail([], errors);
  if (startDate !== null && endDate !== null && (endDate as number) < (startDate as number))
    return fail(["The sprint end date must be after its start date."]);

  const next = state as SprintState;
  if (next !== sprint.state) {
    if (sprint.state === "future" && next === "active") {
      if (startDate === null || endDate === null)
        return fail(["A sprint can only be started when it has a start date and an end date."]);
      const otherActive = site.data.sprints.some(
        (s) => s.id !== sprint.id && s.originBoardId === sprint.originBoardId && s.state === "active",
      );
      if (otherActive)
        return fail(["Another sprint is already active on this board. Complete it before starting this one."]);
    } else if (!(sprint.state === "active" && next === "closed")) {
      return fail([`Cannot change the sprint state from '${sprint.state}' to '${next}'.`]);
    }
  } else if (sprint.state === "active" && (startDate === null || endDate === null)) {
    return fail(["An active sprint must keep its start date and end date."]);
  }

  sprint.name = name as string;
  sprint.goal = (goal as string | null) ?? "";
  sprint.startDate = startDate as number | null;
  sprint.endDate = endDate as number | null;
  if (next === "closed" && sprint.state === "active") sprint.completeDate = now;
  sprint.state = next;
  site.touch();
  return { ok: true };
}

/** Deleting a sprint sends its open issues back to the backlog and drops it from every issue's history. */
export function deleteSprint(site: JiraSite, sprint: JiraSprint, now: number) {
  site.data.sprints.splice(site.data.sprints.indexOf(sprint), 1);
  for (const issue of site.data.issues) {
    if (!issue.sprintIds.includes(sprint.id)) continue;
    issue.sprintIds = issue.sprintIds.filter((id) => id !== sprint.id);
    issue.updated = now;
  }
  site.touch();
}
