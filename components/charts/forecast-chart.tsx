import type { LegendItem } from "./chart-legend";
import { PlotFrame } from "./plot-frame";
import { plotLayout, valueScale } from "./plot-layout";
import { PointTooltip } from "./point-tooltip";
import { categoryTicks, px } from "./scale";

/**
 * How many simulated futures finish in each sprint (a histogram), with the P50, P85 and P95 sprints marked. Each
 * bar shows its share on hover and focus; server-rendered SVG with the same figures in a table for anyone who
 * cannot read the bars.
 */
export type ForecastBar = { sprints: number; date: Date; trials: number };
export type ForecastMarks = { p50: number; p85: number; p95: number };

const LAYOUT = plotLayout({ width: 560, height: 210, margin: { left: 44, right: 8 } });

const BAR = { fill: "fill-brand-600 dark:fill-brand-300", swatch: "bg-brand-600 dark:bg-brand-300" };
const MARKS = [
  { key: "p50", label: "P50", className: "stroke-emerald-700 dark:stroke-emerald-400" },
  { key: "p85", label: "P85", className: "stroke-amber-700 dark:stroke-amber-400" },
  { key: "p95", label: "P95", className: "stroke-rose-700 dark:stroke-rose-400" },
] as const;

const day = (date: Date) => date.toISOString().slice(0, 10);
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function ForecastChart({
  label,
  bars,
  marks,
  trials,
}: {
  /** What is forecast, for the accessible summary ("Epic ACME-12 Checkout"). */
  label: string;
  bars: ForecastBar[];
  marks: ForecastMarks;
  trials: number;
}) {
  if (bars.length === 0) return null;
  const first = bars[0]!.sprints;
  const last = bars.at(-1)!.sprints;
  const span = last - first + 1;
  const slot = LAYOUT.plotWidth / span;
  const maxShare = Math.max(...bars.map((b) => b.trials / trials));
  const top = Math.min(1, Math.ceil(maxShare * 10) / 10 || 0.1);
  const x = (sprints: number) => px(LAYOUT.left + (sprints - first) * slot);
  const y = valueScale(LAYOUT, top);
  const dateOf = (sprints: number) => bars.find((b) => b.sprints === sprints)?.date;
  const summary = `${label}: of ${trials.toLocaleString("en-US")} simulated futures, half finish by sprint ${marks.p50} (${day(dateOf(marks.p50)!)}), 85% by sprint ${marks.p85} (${day(dateOf(marks.p85)!)}), 95% by sprint ${marks.p95} (${day(dateOf(marks.p95)!)}).`;
  const legend: LegendItem[] = [
    { label: "Share of futures finishing in that sprint", swatch: "box", className: BAR.swatch },
    ...MARKS.map((mark) => ({
      label: `${mark.label}: sprint ${marks[mark.key]}`,
      swatch: "dashed" as const,
      className: mark.className,
    })),
  ];
  const barRect = (bar: ForecastBar) => ({
    x: x(bar.sprints) + slot * 0.1,
    width: slot * 0.8,
    y: y(bar.trials / trials),
    height: y(0) - y(bar.trials / trials),
  });

  return (
    <PlotFrame
      layout={LAYOUT}
      summary={summary}
      legend={legend}
      valueAxis={{ max: top, y, format: percent, unit: "share of futures" }}
      bottomAxis={{
        ticks: categoryTicks(span, 8).map((offset) => ({
          x: x(first + offset) + slot / 2,
          label: String(first + offset),
        })),
        title: "Sprints from now until done (1 = the current sprint)",
      }}
      marks={
        <>
          {bars.map((bar) => (
            <rect key={bar.sprints} {...barRect(bar)} className={BAR.fill} />
          ))}
          {MARKS.map((mark) => (
            <line
              key={mark.key}
              x1={x(marks[mark.key]) + slot / 2}
              x2={x(marks[mark.key]) + slot / 2}
              y1={LAYOUT.top}
              y2={y(0)}
              strokeWidth={2}
              strokeDasharray="4 3"
              className={mark.className}
            />
          ))}
        </>
      }
      points={bars.map((bar) => {
        const text = `${percent(bar.trials / trials)} of futures finish`;
        return (
          <PointTooltip
            key={bar.sprints}
            label={`Sprint ${bar.sprints} (ends ${day(bar.date)}): ${text}`}
            lines={[`Sprint ${bar.sprints}, ends ${day(bar.date)}`, text]}
            anchor={{ x: x(bar.sprints) + slot / 2, y: y(bar.trials / trials) }}
            hit={{ x: x(bar.sprints), y: LAYOUT.top, width: slot, height: LAYOUT.plotHeight }}
            ring={{ rect: barRect(bar) }}
            bounds={LAYOUT}
          />
        );
      })}
      table={{
        caption: `${label}: the distribution of ${trials.toLocaleString("en-US")} simulated futures`,
        columns: [
          { label: "Sprint" },
          { label: "Ends" },
          { label: "Futures finishing", numeric: true },
          { label: "Finished by then", numeric: true },
        ],
        rows: cumulative(bars, trials).map((row) => ({
          key: String(row.sprints),
          cells: [row.sprints, day(row.date), percent(row.trials / trials), percent(row.finishedBy)],
        })),
      }}
    />
  );
}

function cumulative(bars: ForecastBar[], trials: number) {
  let finished = 0;
  return bars.map((bar) => {
    finished += bar.trials;
    return { ...bar, finishedBy: finished / trials };
  });
}
