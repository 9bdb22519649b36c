import "server-only";
import { readThrough } from "@/lib/platform/cache/read-through";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { listFeedback } from "@/lib/integrations/sentry/feedback";
import type { SentryClientConfig } from "@/lib/integrations/sentry";

/**
 * Sentry's issue list does not say which release a feedback issue came from, so counting per release takes one
 * search per release; only the newest releases are counted (older ones show as unknown), which bounds the requests.
 */
export const FEEDBACK_COUNTED_RELEASES = 10;
const TTL_MS = 5 * 60_000;

export type FeedbackCounts = {
  counts: ReadonlyMap<string, number> | null;
  fetchedAt: Date | null;
  stale: boolean;
  error: string | null;
};

export async function readFeedbackCounts({
  orgId,
  config,
  versions,
  force = false,
}: {
  orgId: string;
  config: SentryClientConfig;
  /** Newest first. */
  versions: string[];
  force?: boolean;
}): Promise<FeedbackCounts> {
  const counted = versions.slice(0, FEEDBACK_COUNTED_RELEASES);
  try {
    const cached = await readThrough({
      orgId,
      key: `sentry:feedback:counts:${counted.join(",")}`,
      ttlMs: TTL_MS,
      force,
      load: async () =>
        Object.fromEntries(
          await Promise.all(
            counted.map(async (release) => [release, (await listFeedback(config, { release })).items.length] as const),
          ),
        ),
    });
    return {
      counts: new Map(Object.entries(cached.value)),
      fetchedAt: cached.fetchedAt,
      stale: cached.stale,
      error: cached.error,
    };
  } catch (error) {
    if (error instanceof IntegrationError)
      return { counts: null, fetchedAt: null, stale: false, error: integrationErrorText(error) };
    throw error;
  }
}
