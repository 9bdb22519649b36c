import { compareVersions } from "./compare-versions";
import { crashFreeRate } from "./crash-free-rate";
import type { ReleaseHealthSettings } from "./settings";
import type { ReleaseHealth, ReleaseInput, ReleaseRegression } from "./types";

type Rated = ReleaseInput & { crashFreeSessions: number | null; crashFreeUsers: number | null };

/**
 * Crash-free rates per release, newest first (by release date, undated last,
 * then by version), each compared with the next older release. A release is a
 * regression when its crash-free session rate is more than
 * `regressionThresholdPoints` below the older one's and both have at least
 * `minSessions` sessions; with fewer on either side it is reported as not
 * comparable rather than healthy.
 */
export function releaseHealth(releases: ReleaseInput[], settings: ReleaseHealthSettings): ReleaseHealth[] {
  const rated: Rated[] = [...releases].sort(newestFirst).map((release) => ({
    ...release,
    crashFreeSessions: crashFreeRate(release.totalSessions, release.crashedSessions),
    crashFreeUsers: crashFreeRate(release.totalUsers, release.crashedUsers),
  }));
  return rated.map((release, i) => ({ ...release, regression: regressionAgainst(release, rated[i + 1], settings) }));
}

function regressionAgainst(
  release: Rated,
  previous: Rated | undefined,
  settings: ReleaseHealthSettings,
): ReleaseRegression {
  if (!previous) return { isRegression: false, comparedTo: null, dropPoints: null, reason: null };

  const comparedTo = previous.version;
  const current = release.crashFreeSessions;
  const before = previous.crashFreeSessions;
  const hasEnoughSessions =
    release.totalSessions >= settings.minSessions && previous.totalSessions >= settings.minSessions;
  if (!hasEnoughSessions || current === null || before === null) {
    return { isRegression: false, comparedTo, dropPoints: null, reason: "not enough sessions to compare" };
  }

  // Both rates have two decimals; rounding the difference keeps 64.48 − 63.98 from landing just above 0.5.
  const dropPoints = Math.round((before - current) * 100) / 100;
  if (dropPoints <= settings.regressionThresholdPoints)
    return { isRegression: false, comparedTo, dropPoints, reason: null };
  return {
    isRegression: true,
    comparedTo,
    dropPoints,
    reason: `crash-free sessions ${current.toFixed(2)}% vs ${before.toFixed(2)}% in ${comparedTo} (−${dropPoints.toFixed(2)} points)`,
  };
}

function newestFirst(a: ReleaseInput, b: ReleaseInput): number {
  const dateA = releasedAt(a);
  const dateB = releasedAt(b);
  if (dateA !== dateB) {
    if (dateA === null) return 1;
    if (dateB === null) return -1;
    return dateB - dateA;
  }
  return compareVersions(b.version, a.version);
}

/** Unparseable dates sort with the undated ones rather than poisoning the order with NaN. */
function releasedAt({ dateReleased }: ReleaseInput): number | null {
  if (dateReleased === null) return null;
  const time = Date.parse(dateReleased);
  return Number.isNaN(time) ? null : time;
}
