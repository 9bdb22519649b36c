import type { HealthSeriesPoint } from "@/lib/domain/release-health";
import { TimeSeriesChart } from "./time-series-chart";

/**
 * A release's crash-free session rate per day. The value axis starts near the lowest day, not at 0%, because the
 * interesting changes are tenths of a percent; days without sessions are gaps.
 */
const dayFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const formatDay = (time: number) => dayFormat.format(new Date(time));
const formatPercent = (value: number) => `${Number(value.toFixed(2))}%`;

export function CrashFreeChart({ series }: { series: HealthSeriesPoint[] }) {
  const points = series.map((p) => ({ time: Date.parse(p.ts), value: p.crashFree }));
  if (points.filter((p) => p.value !== null).length < 2)
    return <p className="text-sm text-slate-600 dark:text-slate-300">Not enough session data for a chart.</p>;
  return (
    <TimeSeriesChart
      label="Crash-free sessions per day"
      seriesName="Crash-free sessions"
      points={points}
      formatValue={formatPercent}
      formatTime={formatDay}
      unit="% of sessions without a crash"
      timeTitle="day (UTC)"
      zoomToData
    />
  );
}
