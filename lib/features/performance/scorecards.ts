import "server-only";
import { readThrough } from "@/lib/platform/cache/read-through";
import { buildReleaseScorecards, type ReleasePerformance, type ReleaseScorecard } from "@/lib/domain/performance";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
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

/**
 * An org's scorecards as a release check has just read them, handed to what acts on a regressed release (the
 * notifications, the delivery history); `now`, when the check ran, is the current time unless given.
 */
export type ScorecardCheck = { orgId: string; scorecards: ReleaseScorecard[]; now?: Date };

/** The same 30-day window the release health figures use, so every figure of a scorecard covers one period. */
const STATS_PERIOD = "30d";
const TTL_MS = 5 * 60_000;

type ReleaseReads = { performance: ReleasePerformance[]; errorEvents: Record<string, number> | null };

/**
 * Every release's scorecard: release health (crash-free sessions and users, new issues) from the releases page's
 * cached read, plus per-release performance and error events (three Explore requests) and feedback counts, all
 * cached per org. What Sentry refuses or cannot answer shows as unknown rather than failing the scorecards.
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
  const config = await getSentryConfig({ orgId, requestId });
  if (!config) return { scorecards: [], fetchedAt: null, stale: false, error: "Sentry is not connected" };
  // The per-release Explore reads need no release list, so they run alongside release health.
  const reads = readReleaseReads({ orgId, config, force });
  const settingsRead = getPerformanceSettings({ orgId });
  // Awaited below unless release health ends the load first; either way not an unhandled rejection.
  void reads.catch(() => undefined);
  const health = await loadReleasesPage({ orgId, requestId, force });
  if (health.status === "not-connected")
    return { scorecards: [], fetchedAt: null, stale: false, error: "Sentry is not connected" };
  if (health.status === "unavailable") return { scorecards: [], fetchedAt: null, stale: false, error: health.message };
  const [performance, feedback, settings] = await Promise.all([
    reads,
    readFeedbackCounts({ orgId, config, versions: health.releases.map((r) => r.version), force }),
    settingsRead,
  ]);
  const scorecards = buildReleaseScorecards({
    releases: health.releases,
    performance: new Map((performance.value?.performance ?? []).map((p) => [p.version, p])),
    errorEvents: performance.value?.errorEvents ? new Map(Object.entries(performance.value.errorEvents)) : null,
    feedback: feedback.counts,
    settings,
  });
  const times = [health.fetchedAt, performance.fetchedAt, feedback.fetchedAt].filter((t): t is Date => t !== null);
  return {
    scorecards,
    fetchedAt: new Date(Math.min(...times.map((t) => t.getTime()))),
    stale: health.stale || performance.stale || feedback.stale,
    error: health.error ?? performance.error ?? feedback.error,
  };
}

type Read<T> = { value: T | null; fetchedAt: Date | null; stale: boolean; error: string | null };

/**
 * The per-release performance and error events, cached; when Sentry is down with nothing cached the scorecards
 * still show release health, with these figures unknown and the reason in `error`.
 */
async function readReleaseReads({
  orgId,
  config,
  force,
}: {
  orgId: string;
  config: SentryClientConfig;
  force: boolean;
}): Promise<Read<ReleaseReads>> {
  try {
    const { value, fetchedAt, stale, error } = await readThrough({
      orgId,
      key: `sentry:performance:releases:${STATS_PERIOD}`,
      ttlMs: TTL_MS,
      force,
      load: () => loadReleaseReads(config),
    });
    return { value, fetchedAt, stale, error };
  } catch (error) {
    if (error instanceof IntegrationError)
      return { value: null, fetchedAt: null, stale: false, error: integrationErrorText(error) };
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
