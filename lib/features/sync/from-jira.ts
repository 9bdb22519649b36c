import "server-only";
import { listSyncEchoes } from "@/lib/db/queries/sync-echoes";
import { listSyncFieldStates } from "@/lib/db/queries/sync-field-states";
import { findSyncLinksForJiraKey } from "@/lib/db/queries/sync-links";
import { listSyncPeople } from "@/lib/db/queries/sync-people";
import type { JiraEvent } from "@/lib/domain/jira-events/events";
import { decideFromJira, type SyncResult } from "@/lib/domain/sync";
import { applyDecisions } from "./apply";
import { getSyncSettings } from "./settings";

export type SyncFromJiraInput = { orgId: string; event: JiraEvent; sourceKey: string; deliveryId: string | null };

/**
 * Applies a normalised Jira issue event to each Sentry issue linked to the ticket, as the org's sync
 * settings allow. `sourceKey` names the event (the same for a redelivery), so a redelivered event
 * records and writes nothing new.
 */
export async function syncFromJiraEvent({
  orgId,
  event,
  sourceKey,
  deliveryId,
}: SyncFromJiraInput): Promise<SyncResult[]> {
  if (event.type !== "jira.issue" || event.action !== "updated") return [];
  const settings = await getSyncSettings({ orgId });
  if (!settings.jiraStatusToSentry && !settings.assignees && !settings.comments) return [];
  const links = await findSyncLinksForJiraKey({ orgId, jiraIssueKey: event.issue.key });
  if (links.length === 0) return [];
  const people = settings.assignees ? await listSyncPeople({ orgId }) : [];
  const results: SyncResult[] = [];
  for (const link of links) {
    const now = new Date();
    const [echoes, states] = await Promise.all([
      listSyncEchoes({ orgId, objectIds: [link.jiraIssueKey, link.sentryIssueId], now }),
      listSyncFieldStates({ orgId, linkId: link.id }),
    ]);
    const pair = { linkId: link.id, ...link };
    const decisions = decideFromJira({ event, pair, settings, echoes, states, people, now });
    results.push(
      ...(await applyDecisions(decisions, {
        orgId,
        pair,
        eventKey: `jira:${sourceKey}:${link.sentryIssueId}`,
        occurredAt: new Date(event.at),
        requestId: deliveryId ? `webhook-${deliveryId}` : null,
      })),
    );
  }
  return results;
}
