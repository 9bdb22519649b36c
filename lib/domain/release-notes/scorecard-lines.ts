import type { ReleaseScorecard } from "@/lib/domain/performance";
import { escapeMarkdown } from "./escape-markdown";
import { formatScorecardChange, formatScorecardValue } from "./scorecard-format";

/**
 * The scorecard under the health lines of internal notes: each measured metric against the previous release, then
 * the regressions with their reasons. Metrics with no figure on either side are left out.
 */
export function scorecardLines(scorecard: ReleaseScorecard): string[] {
  const previous = scorecard.comparedTo ? escapeMarkdown(scorecard.comparedTo) : null;
  const lines = ["", previous ? `### Compared with ${previous}` : "### Scorecard", ""];
  for (const metric of scorecard.metrics) {
    if (metric.value === null && metric.previous === null) continue;
    const value = formatScorecardValue(metric.unit, metric.value);
    const change = formatScorecardChange(metric);
    const comparison =
      previous && metric.previous !== null
        ? ` vs ${formatScorecardValue(metric.unit, metric.previous)}${change ? ` (${change}${metric.trend === "worse" ? ", worse" : ""})` : ""}`
        : "";
    lines.push(`- ${metric.label}: ${value}${comparison}`);
  }
  if (scorecard.reasons.length > 0)
    lines.push("", "**Regressions:**", "", ...scorecard.reasons.map((reason) => `- ${escapeMarkdown(reason)}`));
  return lines;
}
