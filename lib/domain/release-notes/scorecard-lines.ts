import type { ReleaseScorecard, ScorecardMetricKey } from "@/lib/domain/performance";
import { escapeMarkdown } from "./escape-markdown";
import { formatScorecardChange, formatScorecardValue } from "./scorecard-format";

/** Metrics the health lines already give: their comparison is added to those lines rather than repeated. */
const IN_HEALTH_LINES: ReadonlySet<ScorecardMetricKey> = new Set(["crashFreeSessions", "crashFreeUsers"]);

/** " (99.40% in 2.13.0, −2.30 pts, worse)" after a metric's value, or nothing when there is no earlier figure. */
export function comparedWithPrevious(scorecard: ReleaseScorecard, key: ScorecardMetricKey): string {
  const metric = scorecard.metrics.find((m) => m.key === key);
  if (!metric || !scorecard.comparedTo || metric.previous === null) return "";
  const change = formatScorecardChange(metric);
  const parts = [
    `${formatScorecardValue(metric.unit, metric.previous)} in ${escapeMarkdown(scorecard.comparedTo)}`,
    ...(change ? [change] : []),
    ...(metric.trend === "worse" ? ["worse"] : []),
  ];
  return ` (${parts.join(", ")})`;
}

/**
 * The rest of the scorecard under the health lines of internal notes: each other measured metric against the
 * previous release, then the regressions with their reasons. Metrics with no figure on either side are left out.
 */
export function scorecardLines(scorecard: ReleaseScorecard): string[] {
  const lines = ["", "### Scorecard", ""];
  for (const metric of scorecard.metrics) {
    if (IN_HEALTH_LINES.has(metric.key) || (metric.value === null && metric.previous === null)) continue;
    const value = formatScorecardValue(metric.unit, metric.value);
    lines.push(`- ${metric.label}: ${value}${comparedWithPrevious(scorecard, metric.key)}`);
  }
  if (scorecard.reasons.length > 0)
    lines.push("", "**Regressions:**", "", ...scorecard.reasons.map((reason) => `- ${escapeMarkdown(reason)}`));
  return lines;
}
