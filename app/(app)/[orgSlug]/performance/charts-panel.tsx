import { chartTimeFormats } from "@/components/charts/time-formats";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Card } from "@/components/ui/card";
import { ChartSkeleton } from "@/components/ui/panel-skeleton";
import { formatDuration, formatVital, VITAL_THRESHOLDS, WEB_VITALS, type WebVital } from "@/lib/domain/performance";
import type { PerformancePage, PerformanceSeries, SeriesPoint } from "@/lib/features/performance";
import { awaitPanel } from "./panel-read";

type Page = Promise<PerformancePage>;

const pointsOf = (series: PerformanceSeries, yAxis: string): SeriesPoint[] =>
  series.series.find((s) => s.yAxis === yAxis)?.points ?? [];

/** One chart per vital, all from one request, with the good and poor thresholds drawn in. */
export async function VitalSeriesPanel({ page }: { page: Page }) {
  const read = await awaitPanel(page, (p) => p.vitalSeries);
  if ("notice" in read) return read.notice;
  return (
    <Card title="Web vitals over time (p75)">
      <div className="grid gap-4">
        {WEB_VITALS.map((vital) => (
          <VitalChart key={vital} vital={vital} points={pointsOf(read.value, `p75(measurements.${vital})`)} />
        ))}
      </div>
    </Card>
  );
}

function VitalChart({ vital, points }: { vital: WebVital; points: SeriesPoint[] }) {
  const { good, poor } = VITAL_THRESHOLDS[vital];
  const format = (value: number) => formatVital(vital, value);
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium">{vital.toUpperCase()}</figcaption>
      <TimeSeriesChart
        label={`p75 ${vital.toUpperCase()}`}
        points={points}
        formatValue={format}
        {...chartTimeFormats(points.map((p) => p.time))}
        unit={vital === "cls" ? "layout shift score (p75)" : "time at p75"}
        references={[
          { value: good, label: `Good up to ${format(good)}`, tone: "good" },
          { value: poor, label: `Poor above ${format(poor)}`, tone: "poor" },
        ]}
      />
    </figure>
  );
}

/** Server transactions' p95 (and p50 in the summary) over the period, from one request. */
export async function ApiLatencyPanel({ page }: { page: Page }) {
  const read = await awaitPanel(page, (p) => p.apiSeries);
  if ("notice" in read) return read.notice;
  const p95 = pointsOf(read.value, "p95(span.duration)");
  // One request answers both series over the same intervals, so the p95 one's times label both time axes.
  const times = chartTimeFormats(p95.map((p) => p.time));
  const percentiles = [
    { stat: "p95", points: p95 },
    { stat: "p50", points: pointsOf(read.value, "p50(span.duration)") },
  ];
  return (
    <Card title="API latency over time">
      {percentiles.map(({ stat, points }, index) => (
        <figure key={stat} className={index > 0 ? "mt-4" : undefined}>
          <figcaption className="mb-1 text-sm font-medium">{stat}</figcaption>
          <TimeSeriesChart
            label={`${stat} API latency`}
            points={points}
            formatValue={formatDuration}
            {...times}
            unit={`duration at ${stat}`}
          />
        </figure>
      ))}
    </Card>
  );
}

export function ChartsSkeleton({ label }: { label: string }) {
  return <ChartSkeleton label={label} height="h-72" />;
}
