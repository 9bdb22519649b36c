import "server-only";
import { readThrough } from "@/lib/platform/cache/read-through";
import { buildReleaseScorecards, type ReleasePerformance, type ReleaseScorecard } from "@/lib/domain/performance";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { getSentryConfig } from "@/lib/integrations/connections";
import { readErrorEventsByRelease, readReleasePerformance } from "@/lib/integrations/sentry/performance";
import type { SentryClientConfig } from "@/lib/integrations/sentry";
import { loadReleasesPage } from "@/lib/features/releases";
import { readFeedbackCounts } from "./feedback-counts";
import { getPerformanceSettings } from "./settings";

export type ReleaseScorecards = {
  /** Newest first, each compared with the next older release. */
  scorecards: ReleaseScorecard[];
  /** When the oldest of the underlying reads was fetched; null when nothing could be read. */
  fetchedAt: Date | null;
  /** A refresh failed and some figures are older data. */
  stale: boolean;
  /** Why Sentry could not be read (not connected, or down with nothing cached); null otherwise. */
  error: string | null;
};

/** The same 30-day window the release health figures use, so every figure of a scorecard covers one period. */
const STATS_PERIOD = "30d";
const TTL_MS = 5 * 60_000;

type ReleaseReads = { performance: ReleasePerformance[]; errorEvents: Record<string, number> | null };

/**
 * Every release's scorecard: release health (crash-free sessions and users, new issues) from the releases page's
 * cached read, plus per-release performance and error events (three Explore requests) and feedback counts, all
 * cached per org. Error events and feedback that Sentry refuses show as unknown rather than failing the scorecards.
 */
export async function loadReleaseScorecards({
  orgId,
  requestId,
  force = false,
}: {
  orgId: string;
  requestId?: string;
  force?: boolean;
}): Promise<ReleaseScorecards> {
  const health = await loadReleasesPage({ orgId, requestId, force });
  if (health.status === "not-connected")
    return { scorecards: [], fetchedAt: null, stale: false, error: "Sentry is not connected" };
  if (health.status === "unavailable") return { scorecards: [], fetchedAt: null, stale: false, error: health.message };
  const config = await getSentryConfig({ orgId, requestId });
  if (!config) return { scorecards: [], fetchedAt: null, stale: false, error: "Sentry is not connected" };
  try {
    const [reads, feedback, settings] = await Promise.all([
      readThrough({
        orgId,
        key: `sentry:performance:releases:${STATS_PERIOD}`,
        ttlMs: TTL_MS,
        force,
        load: () => loadReleaseReads(config),
      }),
      readFeedbackCounts({ orgId, config, versions: health.releases.map((r) => r.version), force }),
      getPerformanceSettings({ orgId }),
    ]);
    const scorecards = buildReleaseScorecards({
      releases: health.releases,
      performance: new Map(reads.value.performance.map((p) => [p.version, p])),
      errorEvents: reads.value.errorEvents ? new Map(Object.entries(reads.value.errorEvents)) : null,
      feedback: feedback.counts,
      settings,
    });
    const times = [health.fetchedAt, reads.fetchedAt, ...(feedback.fetchedAt ? [feedback.fetchedAt] : [])];
    return {
      scorecards,
      fetchedAt: new Date(Math.min(...times.map((t) => t.getTime()))),
      stale: health.stale || reads.stale || feedback.stale,
      error: health.error ?? reads.error ?? feedback.error,
    };
  } catch (error) {
    if (error instanceof IntegrationError)
      return { scorecards: [], fetchedAt: null, stale: false, error: error.message };
    throw error;
  }
}

async function loadReleaseReads(config: SentryClientConfig): Promise<ReleaseReads> {
  const [performance, errorEvents] = await Promise.all([
    readReleasePerformance(config, { statsPeriod: STATS_PERIOD }),
    readErrorEventsByRelease(config, { statsPeriod: STATS_PERIOD }).catch(refusedAsUnknown),
  ]);
  return { performance, errorEvents };
}

/** A 400 means this Sentry does not answer the query (a dataset it lacks): the metric is unknown, not an outage. */
function refusedAsUnknown(error: unknown): null {
  if (error instanceof IntegrationError && error.status === 400) return null;
  throw error;
}
