import { type ScorecardMetric, formatChangePercent, formatDuration } from "@/lib/domain/performance";
import { formatCount } from "./format";

/**
 * A release scorecard's figures in words, shared by the release notes' health section and the release pages, so a
 * metric reads the same everywhere: percents with two decimals, durations in ms or s, counts with separators.
 */
export function formatScorecardValue(unit: ScorecardMetric["unit"], value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "percent":
      return `${value.toFixed(2)}%`;
    case "ms":
      return formatDuration(value);
    case "ratio":
      return value.toFixed(3);
    case "count":
      return formatCount(value);
  }
}

/**
 * The change against the previous release: percentage points for rates ("−2.30 pts"), a relative change for
 * durations and ratios ("+26%"), a difference for counts ("+4"); null when either side is missing.
 */
export function formatScorecardChange(metric: ScorecardMetric): string | null {
  if (metric.change === null) return null;
  const sign = (n: number) => (n < 0 ? "−" : "+");
  if (metric.unit === "percent") return `${sign(metric.change)}${Math.abs(metric.change).toFixed(2)} pts`;
  if (metric.unit === "count") return `${sign(metric.change)}${formatCount(Math.abs(metric.change))}`;
  return metric.changePercent === null ? null : formatChangePercent(metric.changePercent);
}
