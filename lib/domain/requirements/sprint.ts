import type { SprintOption } from "./types";
import { fitsIn, points, roundPoints } from "./points";

export type SprintChoice = { sprint: { id: number; name: string; reason: string } | null; reason: string };

/**
 * Where the feature could go: the earliest future sprint with room for all
 * its points, else the active sprint if it has room. Future sprints come
 * first because the active one's plan is already under way; a feature is not
 * split across sprints here, so the sprint must hold all of it.
 */
export function chooseSprint(sprints: SprintOption[], neededPoints: number): SprintChoice {
  const needed = roundPoints(neededPoints);
  const future = byStart(sprints.filter((sprint) => sprint.state === "future"));
  const active = byStart(sprints.filter((sprint) => sprint.state === "active"));
  if (future.length + active.length === 0) return none("There is no active or future sprint to suggest");

  const fits = (sprint: SprintOption) => fitsIn(sprint.remainingPoints, needed);
  const chosen = future.find(fits) ?? active.find(fits);
  if (!chosen) {
    const most = roomiestSprint([...future, ...active]);
    return none(
      `No active or future sprint has ${points(needed)} free; the most is ${roundPoints(most?.remainingPoints ?? 0)}, in ${most?.name}`,
    );
  }

  let reason = `${chosen.name} has ${points(chosen.remainingPoints)} free; this feature needs ${needed}`;
  const earliest = future[0];
  if (chosen.state === "active")
    reason += future.length > 0 ? "; no future sprint has that much room" : "; there is no future sprint yet";
  else if (earliest && earliest !== chosen)
    reason += `; ${earliest.name}, which starts earlier, has only ${points(earliest.remainingPoints)} free`;
  return { sprint: { id: chosen.id, name: chosen.name, reason }, reason };
}

/** The active or future sprint with the most points free (the earliest of equals), or null when there is none. */
export function roomiestSprint(sprints: SprintOption[]): SprintOption | null {
  const open = byStart(sprints.filter((sprint) => sprint.state === "active" || sprint.state === "future"));
  return open.reduce<SprintOption | null>(
    (best, sprint) => (best === null || sprint.remainingPoints > best.remainingPoints ? sprint : best),
    null,
  );
}

function none(reason: string): SprintChoice {
  return { sprint: null, reason };
}

/** By start date, then id; a date that doesn't parse goes last. */
function byStart(sprints: SprintOption[]): SprintOption[] {
  const start = (sprint: SprintOption) => {
    const time = Date.parse(sprint.startDate);
    return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
  };
  return [...sprints].sort((a, b) => start(a) - start(b) || a.id - b.id);
}
