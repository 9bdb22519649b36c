import "server-only";
import { ownershipFactsFromEvent, type OwnershipFacts } from "@/lib/domain/ownership/facts";
import type { ReportEvent } from "@/lib/domain/investigation/types";
import { createSentryClient } from "./client";
import { toEventUsers, toReportEvent } from "./events-transform";
import { readLatestEvent } from "./latest-event";
import type { SentryClientConfig } from "./types";

/** An issue's events: the latest one in full, and when recent ones happened to whom. */

const path = (config: SentryClientConfig, issueId: string, rest: string) =>
  `/organizations/${config.organizationSlug}/issues/${encodeURIComponent(issueId)}/events/${rest}`;

/**
 * The issue's latest event, with the facts ownership rules match on (read
 * from the raw answer, so nothing the rules need is lost in the mapping).
 * Null when the issue has no event (404).
 */
export async function getLatestEvent(
  config: SentryClientConfig,
  issueId: string,
): Promise<{ event: ReportEvent; facts: OwnershipFacts } | null> {
  const raw = await readLatestEvent(config, issueId);
  const event = raw === null ? null : toReportEvent(raw);
  return event ? { event, facts: ownershipFactsFromEvent(raw) } : null;
}

/** When the issue's latest events (one page, up to 100, over 30 days) happened and to whom. */
export async function listRecentEventUsers(
  config: SentryClientConfig,
  issueId: string,
): Promise<{ events: { at: string; user: string | null }[]; complete: boolean }> {
  const client = createSentryClient(config);
  const answer = await client.get<unknown>(path(config, issueId, ""), { statsPeriod: "30d", per_page: 100 });
  return { events: toEventUsers(answer.data), complete: !answer.cursors.next };
}
