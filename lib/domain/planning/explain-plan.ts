import { clampBufferPercent, roundPoints } from "./limits";
import type { LeftOut, PersonPlan, PlanIssue } from "./types";

type PlacementSummary = { key: string; isKept: boolean; blocks: string | null };

/** Plain-language notes on how the plan came about, for the review screen. */
export function explainPlan({
  backlog,
  placements,
  leftOut,
  perPerson,
  plannedPoints,
  bufferPercent,
  isGoalGiven,
}: {
  backlog: PlanIssue[];
  placements: PlacementSummary[];
  leftOut: LeftOut[];
  perPerson: PersonPlan[];
  plannedPoints: number;
  bufferPercent: number;
  isGoalGiven: boolean;
}): string[] {
  const capacity = roundPoints(perPerson.reduce((total, person) => total + person.capacityPoints, 0));
  const limit = roundPoints(perPerson.reduce((total, person) => total + person.limitPoints, 0));
  const buffer = clampBufferPercent(bufferPercent);
  const notes = [
    `Planned ${count(placements.length, "issue")} for ${plannedPoints} of ${limit} points (capacity ${capacity} less a ${buffer}% buffer for interruptions).`,
  ];

  const kept = placements.filter((placement) => placement.isKept).length;
  if (kept > 0) notes.push(`Kept the current assignee on ${count(kept, "issue")}, as they had room.`);
  const pulled = placements.filter((placement) => placement.blocks !== null);
  if (pulled.length > 0)
    notes.push(
      `Brought ${pulled.map((placement) => placement.key).join(", ")} forward: planned work depends on ${pulled.length === 1 ? "it" : "them"}.`,
    );

  const rankOf = new Map(backlog.map((issue, index) => [issue.key, index]));
  const firstSkipped = leftOut.find((issue) => issue.reason === "no capacity");
  const filled = firstSkipped
    ? placements.filter(
        (placement) =>
          placement.blocks === null && (rankOf.get(placement.key) ?? 0) > (rankOf.get(firstSkipped.key) ?? 0),
      ).length
    : 0;
  if (firstSkipped && filled > 0)
    notes.push(
      `${firstSkipped.key} did not fit, so ${count(filled, "lower-ranked issue")} that fit filled the room left.`,
    );

  const unestimated = leftOut.filter((issue) => issue.reason === "no estimate").length;
  const noRoom = leftOut.filter((issue) => issue.reason === "no capacity").length;
  const blocked = leftOut.length - unestimated - noRoom;
  const parts = [
    unestimated > 0 ? `${unestimated} without an estimate` : "",
    noRoom > 0 ? `${noRoom} for lack of capacity` : "",
    blocked > 0 ? `${blocked} blocked by unplanned work` : "",
  ].filter(Boolean);
  if (parts.length > 0) notes.push(`Left out ${count(leftOut.length, "issue")}: ${parts.join(", ")}.`);

  notes.push(
    isGoalGiven
      ? "The goal is the one given."
      : "The goal is drafted from the epics (or components) with the most planned points.",
  );
  return notes;
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
