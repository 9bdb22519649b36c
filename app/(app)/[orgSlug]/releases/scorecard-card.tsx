import { Card } from "@/components/ui/card";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { Freshness } from "@/components/ui/freshness";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { TableHead } from "@/components/ui/table-head";
import { formatScorecardChange, formatScorecardValue } from "@/lib/domain/release-notes";
import { explainUpstreamErrorText } from "@/lib/domain/upstream-messages";
import type { ReleaseScorecard, ReleaseScorecards } from "@/lib/features/performance";
import { RegressionReasons } from "./regression-reasons";

/*
 * One release's scorecard: every metric against the previous release, worse ones marked, and the regressions with
 * their reasons. The release page and the fixVersion's notes page show it; both stream it behind its own skeleton.
 */

const TREND_TEXT = {
  better: "text-emerald-700 dark:text-emerald-400",
  worse: "text-red-700 dark:text-red-400",
  unchanged: "text-slate-500 dark:text-slate-400",
} as const;

export async function ScorecardPanel({
  version,
  scorecards,
  className = "",
}: {
  version: string;
  scorecards: Promise<ReleaseScorecards>;
  className?: string;
}) {
  const read = await scorecards;
  const scorecard = read.scorecards.find((s) => s.version === version);
  if (!scorecard)
    return (
      <Card title="Scorecard" className={className}>
        <p className="text-sm text-slate-500 dark:text-slate-400" role="status">
          {read.error
            ? `Nothing is cached yet. ${explainUpstreamErrorText(read.error, {}, "sentry") ?? `Sentry could not be read (${read.error}).`}`
            : `Sentry has no release ${version} to score.`}
        </p>
      </Card>
    );
  return (
    <Card title={scorecard.comparedTo ? `Scorecard vs ${scorecard.comparedTo}` : "Scorecard"} className={className}>
      <div className="mb-3 flex justify-end">
        {read.fetchedAt && (
          <Freshness fetchedAt={read.fetchedAt} stale={read.stale} error={read.error} now={new Date()} />
        )}
      </div>
      {read.error && !read.stale && (
        <p role="status" className="mb-3 text-sm text-amber-800 dark:text-amber-200">
          {`Some figures are unknown: ${explainUpstreamErrorText(read.error, {}, "sentry") ?? `Sentry could not be read (${read.error}).`}`}
        </p>
      )}
      <RegressionReasons scorecard={scorecard} />
      <ScorecardTable scorecard={scorecard} />
    </Card>
  );
}

export function ScorecardTable({ scorecard }: { scorecard: ReleaseScorecard }) {
  const previous = scorecard.comparedTo ?? "Previous";
  return (
    <DataTable head={<TableHead columns={["Metric", scorecard.version, previous, "Change"]} tight />}>
      {scorecard.metrics.map((metric) => (
        <TableRow key={metric.key} data-metric={metric.key}>
          <th scope="row" className="py-1.5 pr-3 text-left font-normal">
            {metric.label}
          </th>
          <td className="py-1.5 pr-3 tabular-nums">{formatScorecardValue(metric.unit, metric.value)}</td>
          <td className="py-1.5 pr-3 tabular-nums text-slate-500 dark:text-slate-400">
            {formatScorecardValue(metric.unit, metric.previous)}
          </td>
          <td
            className={`py-1.5 tabular-nums ${metric.trend ? TREND_TEXT[metric.trend] : "text-slate-500 dark:text-slate-400"}`}
          >
            {formatScorecardChange(metric) ?? "—"}
            {metric.trend === "worse" && <span className="sr-only"> (worse)</span>}
            {metric.trend === "better" && <span className="sr-only"> (better)</span>}
          </td>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** The regression lines and the nine metric rows. */
export const ScorecardSkeleton = ({ className = "" }: { className?: string }) => (
  <PanelSkeleton label="Loading the release scorecard" rows={10} className={className} />
);
