import "server-only";
import { saveSnapshot, type SnapshotIssues, type SnapshotOrigin } from "@/lib/db/queries/sprint-snapshots";
import { sprintDates } from "./snapshots";

type SprintNumbers = {
  committedPoints: number;
  completedPoints: number;
  addedPoints: number;
  removedPoints: number;
  issues: SnapshotIssues;
};

/** Saves a sprint's start or close snapshot with the sprint's name and dates (see saveSnapshot for which one stands). */
export function saveSprintSnapshot({
  orgId,
  boardId,
  sprint,
  kind,
  takenAt,
  numbers,
  origin,
  delaySeconds = null,
}: {
  orgId: string;
  boardId: number;
  sprint: { id: number; name: string; startDate: string | null; endDate: string | null };
  kind: "start" | "close";
  takenAt: Date;
  numbers: SprintNumbers;
  origin: SnapshotOrigin;
  delaySeconds?: number | null;
}) {
  return saveSnapshot({
    orgId,
    boardId,
    sprintId: sprint.id,
    sprintName: sprint.name,
    kind,
    takenAt,
    ...sprintDates(sprint),
    ...numbers,
    origin,
    delaySeconds,
  });
}
