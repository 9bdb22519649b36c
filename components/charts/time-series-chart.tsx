import type { LegendItem } from "./chart-legend";
import { PlotFrame } from "./plot-frame";
import { plotLayout, valueScale } from "./plot-layout";
import { PointTooltip } from "./point-tooltip";
import { niceCeiling, niceFloor, px, timeTicks } from "./scale";

/**
 * A line over time with a labelled value axis, a time axis on round times and optional reference lines (a vital's
 * good and poor thresholds). Every point shows its value on hover and focus; buckets without samples are gaps, not
 * zeros. `formatValue` turns a value into its axis, label and table text.
 */
export type ChartPoint = { time: number; value: number | null };
export type ReferenceLine = { value: number; label: string; tone: "good" | "poor" };

const LAYOUT = plotLayout({ width: 560, height: 200, margin: { left: 56, right: 12 } });

const LINE = "stroke-brand-600 dark:stroke-brand-300";
const TONE = { good: "stroke-emerald-700 dark:stroke-emerald-400", poor: "stroke-rose-600 dark:stroke-rose-400" };

export function TimeSeriesChart({
  label,
  seriesName = label,
  points,
  formatValue,
  formatTime,
  formatPointTime = formatTime,
  references = [],
  unit,
  timeTitle = "time (UTC)",
  zoomToData = false,
}: {
  /** What the line is, for the summary ("p75 LCP"). */
  label: string;
  /** The line's name in the legend, each point's label and the table; the summary's `label` unless given. */
  seriesName?: string;
  points: ChartPoint[];
  formatValue: (value: number) => string;
  /** The time axis's and the summary's words for a time. */
  formatTime: (time: number) => string;
  /** Each point's and table row's time, when the axis's words are too coarse to tell points apart. */
  formatPointTime?: (time: number) => string;
  references?: ReferenceLine[];
  /** The value axis's title ("ms", "events per hour"). */
  unit?: string;
  /** The time axis's title. */
  timeTitle?: string;
  /** Start the value axis near the lowest value instead of at 0 (rates that live near 100%). */
  zoomToData?: boolean;
}) {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">No samples in this period.</p>;
  const max = niceCeiling(Math.max(...values, ...references.map((r) => r.value)));
  const min = zoomToData ? niceFloor(Math.min(...values), max) : 0;
  const first = points[0]!.time;
  const last = points.at(-1)!.time;
  const x = (time: number) => px(LAYOUT.left + ((time - first) / Math.max(1, last - first)) * LAYOUT.plotWidth);
  const y = valueScale(LAYOUT, max, min);
  const latest = [...points].reverse().find((p) => p.value !== null)!;
  const summary = `${label} from ${formatTime(first)} to ${formatTime(last)}: lowest ${formatValue(Math.min(...values))}, highest ${formatValue(Math.max(...values))}, latest ${formatValue(latest.value!)}`;
  const slot = LAYOUT.plotWidth / Math.max(1, points.length - 1);
  const legend: LegendItem[] = [
    { label: seriesName, swatch: "line", className: LINE },
    ...references.map((r) => ({ label: r.label, swatch: "dashed" as const, className: TONE[r.tone] })),
  ];
  return (
    <PlotFrame
      layout={LAYOUT}
      summary={summary}
      legend={legend}
      valueAxis={{ min, max, y, format: formatValue, unit }}
      bottomAxis={{
        ticks: distinctLabels(timeTicks(first, last).map((time) => ({ x: x(time), label: formatTime(time) }))),
        title: timeTitle,
      }}
      marks={
        <>
          {references.map((r) => (
            <line
              key={r.label}
              x1={LAYOUT.left}
              x2={LAYOUT.right}
              y1={y(r.value)}
              y2={y(r.value)}
              strokeWidth={1.5}
              strokeDasharray="5 4"
              className={TONE[r.tone]}
            />
          ))}
          {segments(points).map((segment) => (
            <polyline
              key={segment[0]!.time}
              fill="none"
              strokeWidth={2}
              className={LINE}
              points={segment.map((p) => `${x(p.time)},${y(p.value!)}`).join(" ")}
            />
          ))}
          {/* The line carries the points; a point with gaps on both sides has no line, so it gets a dot. */}
          <g className="fill-brand-600 dark:fill-brand-300">
            {segments(points)
              .filter((segment) => segment.length === 1)
              .map(([p]) => (
                <circle key={p!.time} cx={x(p!.time)} cy={y(p!.value!)} r={2.5} />
              ))}
          </g>
        </>
      }
      points={points.map((p) =>
        p.value === null ? null : (
          <PointTooltip
            key={p.time}
            label={`${seriesName}, ${formatPointTime(p.time)}: ${formatValue(p.value)}`}
            lines={[formatPointTime(p.time), `${seriesName}: ${formatValue(p.value)}`]}
            anchor={{ x: x(p.time), y: y(p.value) }}
            hit={{ x: x(p.time) - slot / 2, y: LAYOUT.top, width: slot, height: LAYOUT.plotHeight }}
            bounds={LAYOUT}
          />
        ),
      )}
      table={{
        caption: summary,
        columns: [{ label: "Time" }, { label: unit ? `${seriesName} (${unit})` : seriesName, numeric: true }],
        rows: points.map((p) => ({
          key: String(p.time),
          cells: [formatPointTime(p.time), p.value === null ? "no samples" : formatValue(p.value)],
        })),
      }}
    />
  );
}

/** Coarse time formats can print two ticks alike ("Dec 3" twice within a day); keep the first of each. */
function distinctLabels<T extends { label: string }>(ticks: T[]): T[] {
  return ticks.filter((tick, i) => i === 0 || tick.label !== ticks[i - 1]!.label);
}

/** Runs of consecutive points with a value: a gap in the data is a gap in the line. */
function segments(points: ChartPoint[]): ChartPoint[][] {
  const runs: ChartPoint[][] = [];
  let run: ChartPoint[] = [];
  for (const point of points) {
    if (point.value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(point);
  }
  if (run.length) runs.push(run);
  return runs;
}
