import "server-only";
import type { JiraEvent } from "@/lib/domain/jira-events/events";
import { findSnapshot, recordPlannedCapacity, type SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";
import { getJiraConfig } from "@/lib/integrations/connections";
import { plannedCapacityAtStart } from "./board-context";
import { saveSprintSnapshot } from "./save-snapshot";
import { closeOfSprint, startOfSprint } from "./snapshots";
import { readSprintItemsNow } from "./sprint-items";

/** What a Jira event did to Bosun's sprint records; "ignored" says why nothing was recorded. */
export type EventOutcome = { status: "processed" | "ignored"; message: string };

type SprintEvent = Extract<JiraEvent, { type: "jira.sprint" }>;

/**
 * A sprint's start or close snapshot, at the moment Jira says it happened:
 * `sprint_started` records what the sprint holds (read from Jira right away),
 * `sprint_closed` what it completed, added and removed against its start. Taken
 * at the webhook's timestamp with origin "webhook", so it replaces a snapshot a
 * page load or reconciliation guessed earlier and is never replaced itself. A
 * start also records the team's capacity then (from the database alone).
 */
export async function snapshotFromSprintEvent({
  orgId,
  event,
  requestId,
}: {
  orgId: string;
  event: SprintEvent;
  requestId?: string;
}): Promise<EventOutcome> {
  const { sprint, action } = event;
  if (action !== "started" && action !== "closed")
    return { status: "ignored", message: `sprint ${action} changes no snapshot` };
  const boardId = sprint.originBoardId;
  if (boardId === null) return { status: "ignored", message: `sprint ${sprint.id} names no board` };
  const kind = action === "started" ? "start" : "close";
  // A webhook's snapshot stands; a second event for the same moment need not read Jira again.
  const existing = await findSnapshot({ orgId, boardId, sprintId: sprint.id, kind });
  if (existing?.origin === "webhook")
    return { status: "ignored", message: `sprint ${sprint.id} already has a ${kind} snapshot from a webhook` };
  const config = await getJiraConfig({ orgId, requestId });
  if (!config) return { status: "ignored", message: "Jira is not connected" };

  const { items } = await readSprintItemsNow({ orgId, config, boardId, sprintId: sprint.id });
  const start = kind === "close" ? await findSnapshot({ orgId, boardId, sprintId: sprint.id, kind: "start" }) : null;
  const numbers =
    kind === "start" ? startOfSprint(items) : closeOfSprint(sprint, (start?.issues as SnapshotIssues) ?? null, items);
  await saveSprintSnapshot({ orgId, boardId, sprint, kind, takenAt: new Date(event.at), numbers, origin: "webhook" });
  if (kind === "start") {
    // What the sprint is planned with, for the sprint report's capacity accuracy (kept if a page load recorded it).
    const plannedCapacity = await plannedCapacityAtStart({ orgId, boardId, sprint, now: new Date(event.at) });
    if (plannedCapacity !== null) await recordPlannedCapacity({ orgId, boardId, sprintId: sprint.id, plannedCapacity });
  }
  return { status: "processed", message: `${kind} snapshot of sprint ${sprint.id} recorded as of ${event.at}` };
}
