import "server-only";
import { latestReleaseSummaries, type PanelFreshness, type ReleaseSummary } from "@/lib/domain/overview";
import { loadReleaseScorecards } from "@/lib/features/performance";
import { getSentryConfig } from "@/lib/integrations/connections";

export type OverviewReleases =
  | { status: "not-connected" }
  | { status: "unavailable"; message: string }
  | {
      status: "ok";
      releases: ReleaseSummary[];
      freshness: PanelFreshness;
      /** Set when some figures are unknown because a part of Sentry could not be read (and nothing was cached). */
      partialError: string | null;
    };

export const LATEST_RELEASES_SHOWN = 3;

/**
 * The newest releases' crash-free figures and regression flags, from the release scorecards (the releases page's
 * cached reads: release health, per-release performance and feedback).
 */
export async function loadOverviewReleases({
  orgId,
  requestId,
}: {
  orgId: string;
  requestId?: string;
}): Promise<OverviewReleases> {
  if (!(await getSentryConfig({ orgId, requestId }))) return { status: "not-connected" };
  const read = await loadReleaseScorecards({ orgId, requestId });
  // With Sentry connected, no read time means release health itself could not be read and nothing is cached.
  if (!read.fetchedAt) return { status: "unavailable", message: read.error ?? "Sentry did not answer" };
  return {
    status: "ok",
    releases: latestReleaseSummaries(read.scorecards, LATEST_RELEASES_SHOWN),
    freshness: { fetchedAt: read.fetchedAt, stale: read.stale, error: read.error },
    partialError: read.stale ? null : read.error,
  };
}
