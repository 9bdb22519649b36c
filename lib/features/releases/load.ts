import "server-only";
import { readThrough } from "@/lib/platform/cache/read-through";
import { DEFAULT_RELEASE_HEALTH_SETTINGS, releaseHealth, type ReleaseHealth } from "@/lib/domain/release-health";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listReleaseSessions, listReleases } from "@/lib/integrations/sentry";

export type ReleasesPage =
  | { status: "not-connected" }
  | { status: "unavailable"; message: string }
  | { status: "ok"; releases: ReleaseHealth[]; fetchedAt: Date; stale: boolean; error: string | null };

const TTL_MS = 5 * 60_000;

/**
 * Every release with crash-free sessions and users, adoption (its share of all
 * sessions in the last 30 days), new issues and a regression flag — from two
 * Sentry requests, cached per org with visible freshness.
 */
export async function loadReleasesPage({
  orgId,
  force = false,
  requestId,
}: {
  orgId: string;
  force?: boolean;
  requestId?: string;
}): Promise<ReleasesPage> {
  const config = await getSentryConfig({ orgId, requestId });
  if (!config) return { status: "not-connected" };
  try {
    const cached = await readThrough({
      orgId,
      key: "sentry:releases",
      ttlMs: TTL_MS,
      force,
      load: async () => {
        const [releases, sessions] = await Promise.all([
          listReleases(config),
          listReleaseSessions(config, { statsPeriod: "30d" }),
        ]);
        return { releases, sessions };
      },
    });
    const { releases, sessions } = cached.value;
    const totalSessions = sessions.reduce((t, s) => t + s.totalSessions, 0);
    const byVersion = new Map(sessions.map((s) => [s.version, s]));
    const health = releaseHealth(
      releases.map((r) => {
        const s = byVersion.get(r.version);
        const crashedUsers =
          s?.crashFreeUserRate == null ? 0 : Math.round((s.totalUsers * (100 - s.crashFreeUserRate)) / 100);
        return {
          version: r.version,
          dateReleased: r.dateReleased ?? r.dateCreated,
          totalSessions: s?.totalSessions ?? 0,
          crashedSessions: s?.crashedSessions ?? 0,
          totalUsers: s?.totalUsers ?? 0,
          crashedUsers,
          adoptionPercent: totalSessions > 0 && s ? Math.round((s.totalSessions / totalSessions) * 1000) / 10 : null,
          newIssues: r.newIssues,
        };
      }),
      DEFAULT_RELEASE_HEALTH_SETTINGS,
    );
    return { status: "ok", releases: health, fetchedAt: cached.fetchedAt, stale: cached.stale, error: cached.error };
  } catch (error) {
    if (error instanceof IntegrationError) return { status: "unavailable", message: integrationErrorText(error) };
    throw error;
  }
}
