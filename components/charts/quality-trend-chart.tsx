import { PlotFrame } from "./plot-frame";
import { plotLayout, valueScale } from "./plot-layout";
import { PointTooltip } from "./point-tooltip";
import { categoryTicks, niceCeiling, px, truncateLabel } from "./scale";

/**
 * Bugs filed against bugs resolved per period (sprint or release), oldest first, as paired bars: a widening gap
 * means the bug backlog grows. Each bar shows its count on hover and focus; server-rendered SVG with a legend and
 * the same figures in a table.
 */
export type QualityTrendPoint = { label: string; filed: number; resolved: number; escaped: number };

const LAYOUT = plotLayout({ width: 560, height: 210, margin: { left: 36, right: 8 } });

const SERIES = [
  {
    key: "filed",
    label: "Bugs filed",
    bar: "fill-rose-600 dark:fill-rose-400",
    swatch: "bg-rose-600 dark:bg-rose-400",
  },
  {
    key: "resolved",
    label: "Bugs resolved",
    bar: "fill-emerald-700 dark:fill-emerald-400",
    swatch: "bg-emerald-700 dark:bg-emerald-400",
  },
  {
    key: "escaped",
    label: "Escaped defects",
    bar: "fill-amber-600 dark:fill-amber-300",
    swatch: "bg-amber-600 dark:bg-amber-300",
  },
] as const;

const count = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function QualityTrendChart({ label, points }: { label: string; points: QualityTrendPoint[] }) {
  if (points.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">Nothing to chart yet.</p>;
  const max = niceCeiling(Math.max(1, ...points.flatMap((p) => [p.filed, p.resolved, p.escaped])));
  const slot = LAYOUT.plotWidth / points.length;
  const bar = (slot * 0.8) / SERIES.length;
  const y = valueScale(LAYOUT, max);
  const barX = (i: number, s: number) => px(LAYOUT.left + i * slot + slot * 0.1 + s * bar);
  const total = (key: (typeof SERIES)[number]["key"]) => points.reduce((sum, p) => sum + p[key], 0);
  const summary = `${label}, ${points[0]!.label} to ${points.at(-1)!.label}: ${total("filed")} bugs filed, ${total("resolved")} resolved, ${total("escaped")} escaped defects.`;

  return (
    <PlotFrame
      layout={LAYOUT}
      summary={summary}
      legend={SERIES.map((series) => ({ label: series.label, swatch: "box", className: series.swatch }))}
      valueAxis={{ max, y, format: count, unit: "bugs" }}
      bottomAxis={{
        ticks: categoryTicks(points.length, 6).map((i) => ({
          x: LAYOUT.left + (i + 0.5) * slot,
          label: truncateLabel(points[i]!.label),
        })),
        title: "period, oldest first",
      }}
      marks={
        <>
          {points.map((point, i) =>
            SERIES.map((series, s) => (
              <rect
                key={`${i}-${series.key}`}
                x={barX(i, s)}
                width={bar}
                y={y(point[series.key])}
                height={y(0) - y(point[series.key])}
                className={series.bar}
              />
            )),
          )}
        </>
      }
      points={points.map((point, i) =>
        SERIES.map((series, s) => (
          <PointTooltip
            key={`${i}-${series.key}`}
            label={`${series.label}, ${point.label}: ${point[series.key]}`}
            lines={[point.label, `${series.label}: ${point[series.key]}`]}
            anchor={{ x: barX(i, s) + bar / 2, y: y(point[series.key]) }}
            hit={{ x: barX(i, s), y: LAYOUT.top, width: bar, height: LAYOUT.plotHeight }}
            ring={{ rect: { x: barX(i, s), y: y(point[series.key]), width: bar, height: y(0) - y(point[series.key]) } }}
            bounds={LAYOUT}
          />
        )),
      )}
      table={{
        caption: label,
        columns: [{ label: "Period" }, ...SERIES.map((series) => ({ label: series.label, numeric: true }))],
        rows: points.map((point, i) => ({
          key: `${point.label}-${i}`,
          cells: [point.label, ...SERIES.map((series) => point[series.key])],
        })),
      }}
    />
  );
}
