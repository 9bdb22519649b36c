import type { ReleaseScorecard } from "@/lib/domain/performance";

/** Only the releases people are shipping now: the newest few, released within the last month. */
export const RELEASE_REGRESSION_NEWEST = 3;
export const RELEASE_REGRESSION_MAX_AGE_DAYS = 30;
const DAY_MS = 86_400_000;

export type ReleaseRegressionNotice = {
  version: string;
  kind: "crash_free" | "performance";
  /** One notification per release and kind, however often the check runs. */
  dedupeKey: string;
  title: string;
  body: string;
};

/**
 * What to tell people about regressed releases, from the release scorecards (newest first, as the releases list
 * shows them): a crash-free regression and a performance regression are told apart, each with the scorecard's own
 * reasons in words. Older releases than the newest few, or ones released over a month ago, are history, not news.
 */
export function releaseRegressionNotices(scorecards: ReleaseScorecard[], now: Date): ReleaseRegressionNotice[] {
  const notices: ReleaseRegressionNotice[] = [];
  for (const card of scorecards.slice(0, RELEASE_REGRESSION_NEWEST)) {
    if (!card.isRegression || !isRecent(card.dateReleased, now)) continue;
    const against = card.comparedTo ? ` against ${card.comparedTo}` : "";
    if (card.crashRegression.isRegression)
      notices.push({
        version: card.version,
        kind: "crash_free",
        dedupeKey: `release_regression:${card.version}:crash_free`,
        title: `Release ${card.version} crashes more${against}`,
        body: `${card.crashRegression.reason ?? "Its crash-free sessions fell"}.`,
      });
    if (card.performanceRegressions.length > 0)
      notices.push({
        version: card.version,
        kind: "performance",
        dedupeKey: `release_regression:${card.version}:performance`,
        title: `Release ${card.version} is slower${against}`,
        body: `${card.performanceRegressions.map((r) => r.reason).join("; ")}.`,
      });
  }
  return notices;
}

function isRecent(dateReleased: string | null, now: Date): boolean {
  if (!dateReleased) return false;
  const released = Date.parse(dateReleased);
  return Number.isFinite(released) && now.getTime() - released <= RELEASE_REGRESSION_MAX_AGE_DAYS * DAY_MS;
}
