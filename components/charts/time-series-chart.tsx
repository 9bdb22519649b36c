import { niceCeiling, ValueGrid } from "./value-grid";

/**
 * A line over time with a labelled value axis, time labels and optional reference lines (a vital's good and poor
 * thresholds). Server-rendered SVG; buckets without samples are gaps, not zeros. `formatValue` turns a value into
 * its axis and summary text.
 */
export type ChartPoint = { time: number; value: number | null };
export type ReferenceLine = { value: number; label: string; tone: "good" | "poor" };

const WIDTH = 560;
const HEIGHT = 180;
const LEFT = 56;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 24;
const TICKS = 4;

const TONE = { good: "stroke-emerald-600 dark:stroke-emerald-400", poor: "stroke-rose-600 dark:stroke-rose-400" };

export function TimeSeriesChart({
  label,
  points,
  formatValue,
  formatTime,
  references = [],
}: {
  /** What the line is, for the accessible summary ("p75 LCP"). */
  label: string;
  points: ChartPoint[];
  formatValue: (value: number) => string;
  formatTime: (time: number) => string;
  references?: ReferenceLine[];
}) {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">No samples in this period.</p>;
  const max = niceCeiling(Math.max(...values, ...references.map((r) => r.value)));
  const first = points[0]!.time;
  const last = points.at(-1)!.time;
  const x = (time: number) => LEFT + ((time - first) / Math.max(1, last - first)) * (WIDTH - LEFT - RIGHT);
  const y = (value: number) => TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM);
  const latest = [...points].reverse().find((p) => p.value !== null)!;
  const summary = `${label} from ${formatTime(first)} to ${formatTime(last)}: lowest ${formatValue(Math.min(...values))}, highest ${formatValue(Math.max(...values))}, latest ${formatValue(latest.value!)}`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="w-full">
      <ValueGrid max={max} ticks={TICKS} left={LEFT} right={WIDTH - RIGHT} y={y} format={formatValue} />
      {references.map((r) => (
        <line
          key={r.label}
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={y(r.value)}
          y2={y(r.value)}
          strokeDasharray="4 4"
          className={TONE[r.tone]}
        >
          <title>{r.label}</title>
        </line>
      ))}
      {segments(points).map((segment) => (
        <polyline
          key={segment[0]!.time}
          fill="none"
          strokeWidth={2}
          className="stroke-brand-600 dark:stroke-brand-500"
          points={segment.map((p) => `${x(p.time)},${y(p.value!)}`).join(" ")}
        />
      ))}
      {points.map((p) =>
        p.value === null ? null : (
          <circle key={p.time} cx={x(p.time)} cy={y(p.value)} r={1.8} className="fill-brand-600 dark:fill-brand-500" />
        ),
      )}
      {[first, (first + last) / 2, last].map((time, i) => (
        <text
          key={i}
          x={x(time)}
          y={HEIGHT - 6}
          textAnchor={i === 0 ? "start" : i === 2 ? "end" : "middle"}
          className="fill-slate-500 text-[10px] dark:fill-slate-400"
        >
          {formatTime(time)}
        </text>
      ))}
    </svg>
  );
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
