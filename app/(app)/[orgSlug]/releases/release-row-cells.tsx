import { formatScorecardChange, formatScorecardValue } from "@/lib/domain/release-notes";
import type { ReleaseHealth } from "@/lib/domain/release-health";
import type { ReleaseScorecard, ScorecardMetricKey } from "@/lib/features/performance";
import { ReasonItems } from "./regression-reasons";

/* Cells of the releases table that read a release's scorecard. */

/** One scorecard figure with its change against the previous release; worse changes in red. */
export function MetricCell({
  scorecard,
  metric: key,
}: {
  scorecard: ReleaseScorecard | undefined;
  metric: ScorecardMetricKey;
}) {
  const metric = scorecard?.metrics.find((m) => m.key === key);
  if (!metric || metric.value === null) return <td className="py-2 pr-3 text-slate-500 dark:text-slate-400">—</td>;
  const change = formatScorecardChange(metric);
  return (
    <td className="py-2 pr-3 tabular-nums">
      {formatScorecardValue(metric.unit, metric.value)}
      {change && (
        <span
          className={`block text-xs ${metric.trend === "worse" ? "text-red-700 dark:text-red-400" : "text-slate-500 dark:text-slate-400"}`}
        >
          {change}
          {metric.trend === "worse" && <span className="sr-only"> (worse)</span>}
        </span>
      )}
    </td>
  );
}

/** One "Regression" flag, then why: the crash-free and each performance regression in words; the health rule's note otherwise. */
export function HealthFlags({
  release,
  scorecard,
}: {
  release: ReleaseHealth;
  scorecard: ReleaseScorecard | undefined;
}) {
  const crashReason = scorecard
    ? scorecard.crashRegression.reason
    : release.regression.isRegression
      ? release.regression.reason
      : null;
  const performance = scorecard?.performanceRegressions ?? [];
  if (!crashReason && performance.length === 0)
    return <span className="text-xs text-slate-500 dark:text-slate-400">{release.regression.reason ?? "OK"}</span>;
  return (
    <>
      <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">Regression</span>
      <ul className="mt-1 space-y-0.5 text-xs">
        <ReasonItems crashReason={crashReason} regressions={performance} />
      </ul>
    </>
  );
}
