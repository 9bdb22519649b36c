import type { LegendItem } from "./chart-legend";
import { PlotFrame } from "./plot-frame";
import { plotLayout, valueScale } from "./plot-layout";
import { PointTooltip } from "./point-tooltip";
import { categoryTicks, niceCeiling, px, truncateLabel } from "./scale";

/**
 * One figure across a board's sprints as bars, oldest first, with the median as a dashed line. A sprint without the
 * figure (a backfilled sprint has no interrupt rate) has no bar and says so in the table. Each bar shows its value
 * on hover and focus; server-rendered SVG with an accessible summary, a legend and the same figures as a table.
 */
export type TrendBar = { label: string; value: number | null };

const LAYOUT = plotLayout({ width: 560, height: 200, margin: { left: 48, right: 8 } });

const BAR = { fill: "fill-brand-600 dark:fill-brand-300", swatch: "bg-brand-600 dark:bg-brand-300" };
const REFERENCE = "stroke-amber-600 dark:stroke-amber-400";

export function SprintTrendChart({
  title,
  unit,
  bars,
  median,
  formatValue,
  missing = "not known",
  referenceLabel = "Median",
}: {
  title: string;
  /** The axis unit ("points", "%"). */
  unit: string;
  bars: TrendBar[];
  median: number | null;
  formatValue: (value: number) => string;
  /** What a sprint without the figure is, in the table. */
  missing?: string;
  /** What the dashed line is ("Median", "Over the tracked sprints"). */
  referenceLabel?: string;
}) {
  const values = bars.map((b) => b.value).filter((v): v is number => v !== null);
  if (values.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">No sprint has a {title.toLowerCase()} yet.</p>;
  const max = niceCeiling(Math.max(...values, median ?? 0));
  const slot = LAYOUT.plotWidth / bars.length;
  const y = valueScale(LAYOUT, max);
  const center = (index: number) => px(LAYOUT.left + index * slot + slot / 2);
  const barRect = (index: number, value: number) => ({
    x: LAYOUT.left + index * slot + slot * 0.15,
    y: y(value),
    width: slot * 0.7,
    height: Math.max(0, y(0) - y(value)),
  });
  const summary = `${title} across ${bars.length} sprints (${bars[0]!.label} to ${bars.at(-1)!.label}): lowest ${formatValue(Math.min(...values))}, highest ${formatValue(Math.max(...values))}${median === null ? "" : `, ${referenceLabel.toLowerCase()} ${formatValue(median)}`}; ${bars.length - values.length} sprint(s) ${missing}.`;
  const legend: LegendItem[] = [{ label: `${title} per sprint`, swatch: "box", className: BAR.swatch }];
  if (median !== null)
    legend.push({ label: `${referenceLabel} ${formatValue(median)}`, swatch: "dashed", className: REFERENCE });
  return (
    <PlotFrame
      layout={LAYOUT}
      summary={summary}
      legend={legend}
      valueAxis={{ max, y, format: formatValue, unit }}
      bottomAxis={{
        ticks: categoryTicks(bars.length, 6).map((index) => ({
          x: center(index),
          label: truncateLabel(bars[index]!.label),
        })),
        title: "sprint, oldest first",
      }}
      marks={
        <>
          {bars.map((bar, index) =>
            bar.value === null ? null : (
              <rect key={`${bar.label}-${index}`} {...barRect(index, bar.value)} className={BAR.fill} />
            ),
          )}
          {median === null ? null : (
            <line
              x1={LAYOUT.left}
              x2={LAYOUT.right}
              y1={y(median)}
              y2={y(median)}
              strokeDasharray="5 4"
              strokeWidth={1.5}
              className={REFERENCE}
            />
          )}
        </>
      }
      points={bars.map((bar, index) =>
        bar.value === null ? null : (
          <PointTooltip
            key={`${bar.label}-${index}`}
            label={`${title}, ${bar.label}: ${formatValue(bar.value)}`}
            lines={[bar.label, `${title}: ${formatValue(bar.value)}`]}
            anchor={{ x: center(index), y: y(bar.value) }}
            hit={{ x: LAYOUT.left + index * slot, y: LAYOUT.top, width: slot, height: LAYOUT.plotHeight }}
            ring={{ rect: barRect(index, bar.value) }}
            bounds={LAYOUT}
          />
        ),
      )}
      table={{
        caption: `${title} per sprint`,
        columns: [{ label: "Sprint" }, { label: `${title} (${unit})`, numeric: true }],
        rows: bars.map((bar, index) => ({
          key: `${bar.label}-${index}`,
          cells: [bar.label, bar.value === null ? missing : formatValue(bar.value)],
        })),
      }}
    />
  );
}
