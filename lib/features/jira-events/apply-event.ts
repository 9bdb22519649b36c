import "server-only";
import type { JiraEvent } from "@/lib/domain/jira-events/events";
import { recordScopeFromIssueEvent, snapshotFromSprintEvent } from "@/lib/features/sprints";
import { syncFromJiraEvent } from "@/lib/features/sync";

/** What one part of Bosun made of a Jira event. */
export type EventPartOutcome = {
  part: "snapshots" | "scope" | "sync";
  status: "processed" | "ignored";
  message: string;
};

/**
 * The one place a normalised Jira event is dispatched: sprint events become
 * snapshots, issue events scope changes, and every event goes to the two-way
 * sync with Sentry. Each part is idempotent under the delivery's key, so a
 * retried job redoes nothing that already happened.
 */
export async function applyJiraEvent({
  orgId,
  event,
  sourceKey,
  deliveryId,
}: {
  orgId: string;
  event: JiraEvent;
  sourceKey: string;
  deliveryId: string | null;
}): Promise<EventPartOutcome[]> {
  const requestId = deliveryId ? `webhook-${deliveryId}` : undefined;
  const outcomes: EventPartOutcome[] = [];
  if (event.type === "jira.sprint")
    outcomes.push({ part: "snapshots", ...(await snapshotFromSprintEvent({ orgId, event, requestId })) });
  if (event.type === "jira.issue")
    outcomes.push({ part: "scope", ...(await recordScopeFromIssueEvent({ orgId, event, sourceKey, requestId })) });
  const synced = await syncFromJiraEvent({ orgId, event, sourceKey, deliveryId });
  outcomes.push(
    synced.some((result) => result.outcome === "applied")
      ? { part: "sync", status: "processed", message: synced.map((result) => result.summary).join("; ") }
      : { part: "sync", status: "ignored", message: synced.map((r) => r.summary).join("; ") || "nothing to sync" },
  );
  return outcomes;
}
