import "server-only";
import { readThrough } from "@/lib/platform/cache/read-through";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listFeedback, listIssueFeedback } from "@/lib/integrations/sentry/feedback";
import type { UserFeedback } from "@/lib/integrations/sentry/feedback-transform";

export type { UserFeedback };

export type UserFeedbackList =
  | { status: "not-connected" }
  | { status: "unavailable"; message: string }
  | {
      status: "ok";
      items: UserFeedback[];
      /** False when there is more feedback than one page (100) holds. */
      isComplete: boolean;
      fetchedAt: Date;
      stale: boolean;
      error: string | null;
    };

const TTL_MS = 2 * 60_000;

/**
 * User feedback newest first, for one release, one Sentry issue (feedback sent with its events) or the whole org,
 * optionally searched by text; cached per org and filter.
 */
export async function listUserFeedback({
  orgId,
  release,
  sentryIssueId,
  query,
  requestId,
  force = false,
}: {
  orgId: string;
  release?: string;
  sentryIssueId?: string;
  query?: string;
  requestId?: string;
  force?: boolean;
}): Promise<UserFeedbackList> {
  const config = await getSentryConfig({ orgId, requestId });
  if (!config) return { status: "not-connected" };
  const text = query?.trim() || undefined;
  try {
    const cached = await readThrough({
      orgId,
      key: `sentry:feedback:${JSON.stringify([release ?? null, sentryIssueId ?? null, text ?? null])}`,
      ttlMs: TTL_MS,
      force,
      load: () =>
        sentryIssueId
          ? listIssueFeedback(config, { issueId: sentryIssueId, release, text })
          : listFeedback(config, { release, text }),
    });
    return {
      status: "ok",
      items: cached.value.items,
      isComplete: cached.value.isComplete,
      fetchedAt: cached.fetchedAt,
      stale: cached.stale,
      error: cached.error,
    };
  } catch (error) {
    if (error instanceof IntegrationError) return { status: "unavailable", message: integrationErrorText(error) };
    throw error;
  }
}
