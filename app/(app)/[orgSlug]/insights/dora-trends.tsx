import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Card } from "@/components/ui/card";
import { ChartSkeleton } from "@/components/ui/panel-skeleton";
import type { DoraWeek } from "@/lib/domain/dora";
import { formatDate, formatHours, formatRate } from "./dora-format";
import type { DoraPagePromise } from "./dora-filters";

type Trend = {
  title: string;
  /** The value axis's unit, said beside the chart. */
  unit: string;
  value: (week: DoraWeek) => number | null;
  format: (value: number) => string;
};

const TRENDS: Trend[] = [
  { title: "Deploys per week", unit: "deploys", value: (w) => w.deployments, format: (v) => `${Math.round(v)}` },
  {
    title: "Lead time p50 per week",
    unit: "hours (commit to deploy)",
    value: (w) => w.leadTimeP50Hours,
    format: (v) => formatHours(v),
  },
  {
    title: "Change failure rate per week",
    unit: "% of the week's deploys",
    value: (w) => (w.changeFailureRate === null ? null : w.changeFailureRate * 100),
    format: (v) => `${Math.round(v)} %`,
  },
  {
    title: "Recovery time p50 per week",
    unit: "hours (failure to recovery)",
    value: (w) => w.recoveryP50Hours,
    format: (v) => formatHours(v),
  },
];

/** Each key week by week (the last week ends now), with the same figures as a table. */
export async function DoraTrendsPanel({ page }: { page: DoraPagePromise }) {
  const { report } = await page;
  const weeks = report.weeks;
  return (
    <div className="mb-6 grid gap-6 xl:grid-cols-2">
      {TRENDS.map((trend) => (
        <Card key={trend.title} title={trend.title}>
          <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
            Value axis: {trend.unit}. Time axis: week ending. Line: the weekly value; a gap is a week without samples.
          </p>
          <TimeSeriesChart
            label={trend.title}
            points={weeks.map((w) => ({ time: w.to.getTime(), value: trend.value(w) }))}
            formatValue={trend.format}
            formatTime={(time) => formatDate(new Date(time))}
            unit={trend.unit}
            timeTitle="week ending"
          />
        </Card>
      ))}
      <details className="xl:col-span-2 text-sm">
        <summary className="cursor-pointer">The weekly figures as a table</summary>
        <div className="relative mt-2 overflow-x-auto" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-300">
                <th scope="col" className="pr-4 font-medium">
                  Week
                </th>
                <th scope="col" className="pr-4 font-medium">
                  Deploys
                </th>
                <th scope="col" className="pr-4 font-medium">
                  Lead time p50
                </th>
                <th scope="col" className="pr-4 font-medium">
                  Change failure rate
                </th>
                <th scope="col" className="font-medium">
                  Recovery p50
                </th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.to.getTime()} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="pr-4">
                    {formatDate(w.from)} – {formatDate(w.to)}
                  </td>
                  <td className="pr-4 tabular-nums">{w.deployments}</td>
                  <td className="pr-4 tabular-nums">{formatHours(w.leadTimeP50Hours)}</td>
                  <td className="pr-4 tabular-nums">{formatRate(w.changeFailureRate)}</td>
                  <td className="tabular-nums">{formatHours(w.recoveryP50Hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

export function DoraTrendsSkeleton() {
  return (
    <div className="mb-6 grid gap-6 xl:grid-cols-2">
      {TRENDS.map((trend) => (
        <ChartSkeleton key={trend.title} label={`Loading ${trend.title.toLowerCase()}`} />
      ))}
    </div>
  );
}
