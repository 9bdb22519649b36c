import "server-only";
import { z } from "zod";
import { createSentryClient } from "./client";
import { feedbackQuery, toUserFeedback, type UserFeedback } from "./feedback-transform";
import type { SentryClientConfig } from "./types";

/**
 * User feedback, read as issues in the `feedback` category (the legacy user-feedback endpoint misses widget
 * submissions, API-NOTES-2 §2), newest first.
 */

const PER_PAGE = 100;
/** Feedback is kept 90 days by Sentry's default retention; older releases have none to show. */
const STATS_PERIOD = "90d";

export async function listFeedback(
  config: SentryClientConfig,
  {
    release,
    eventIds,
    text,
    maxPages = 1,
  }: { release?: string; eventIds?: string[]; text?: string; maxPages?: number },
): Promise<{ items: UserFeedback[]; isComplete: boolean }> {
  const client = createSentryClient(config);
  const items: UserFeedback[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await client.get<unknown[]>(`/organizations/${config.organizationSlug}/issues/`, {
      query: feedbackQuery({ release, eventIds, text }),
      statsPeriod: STATS_PERIOD,
      sort: "date",
      limit: PER_PAGE,
      shortIdLookup: 0,
      cursor,
    });
    for (const item of answer.data) {
      const feedback = toUserFeedback(item, release ?? null);
      if (feedback) items.push(feedback);
    }
    if (!answer.cursors.next) return { items, isComplete: true };
    cursor = answer.cursors.next;
  }
  return { items, isComplete: false };
}

const eventsSchema = z.array(
  z.object({
    eventID: z.string(),
    tags: z.array(z.object({ key: z.string(), value: z.string().nullish() })).nullish(),
  }),
);

/** Feedback sent with any of one Sentry issue's recent events (its latest 100): two requests. */
export async function listIssueFeedback(
  config: SentryClientConfig,
  { issueId, release, text }: { issueId: string; release?: string; text?: string },
): Promise<{ items: UserFeedback[]; isComplete: boolean }> {
  const client = createSentryClient(config);
  const answer = await client.get<unknown>(
    `/organizations/${config.organizationSlug}/issues/${encodeURIComponent(issueId)}/events/`,
    { per_page: PER_PAGE },
  );
  const events = eventsSchema.parse(answer.data);
  if (events.length === 0) return { items: [], isComplete: true };
  // The linked event's release tag says which release the feedback came from.
  const releaseOf = new Map(
    events.map((e) => [e.eventID, e.tags?.find((t) => t.key === "release")?.value ?? null] as const),
  );
  const found = await listFeedback(config, { eventIds: events.map((e) => e.eventID), release, text });
  return {
    ...found,
    items: found.items.map((item) => ({
      ...item,
      release: item.release ?? (item.associatedEventId ? (releaseOf.get(item.associatedEventId) ?? null) : null),
    })),
  };
}
