import { formatCount, formatPercent } from "./format";
import type { ReleaseNotesOptions } from "./options";
import { comparedWithPrevious, scorecardLines } from "./scorecard-lines";
import type { ReleaseHealth } from "./types";

/**
 * The "Release health" lines: the same rates for both variants; internal notes add the release's scorecard against
 * the previous release and its regressions, which are the team's business rather than the customers'.
 */
export function healthSection(health: ReleaseHealth, variant: ReleaseNotesOptions["variant"]): string[] {
  const scorecard = variant === "internal" ? (health.scorecard ?? null) : null;
  const compared = (key: "crashFreeSessions" | "crashFreeUsers") =>
    scorecard ? comparedWithPrevious(scorecard, key) : "";
  return [
    "## Release health",
    "",
    `- Crash-free sessions: ${formatPercent(health.crashFreeSessions, 2)}${compared("crashFreeSessions")}`,
    `- Crash-free users: ${formatPercent(health.crashFreeUsers, 2)}${compared("crashFreeUsers")}`,
    `- Adoption: ${formatPercent(health.adoption, 1)}${health.adoption === null ? "" : " of sessions"}`,
    `- Sessions: ${formatCount(health.sessions)}`,
    ...(scorecard ? scorecardLines(scorecard) : []),
  ];
}
