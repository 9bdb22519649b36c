import type { BurnDay } from "@/lib/domain/sprint-report";
import { PlotFrame } from "./plot-frame";
import { plotLayout, valueScale } from "./plot-layout";
import { PointTooltip } from "./point-tooltip";
import { categoryTicks, niceCeiling, px } from "./scale";

/**
 * A sprint's burndown and burnup on one chart: the scope line, completed work (burnup), remaining work (burndown)
 * and Jira's guideline, one point per day at the day's end. Each day is one focus stop whose label gives all four
 * figures. Server-rendered SVG with a legend, an accessible summary and the same figures as a table.
 */
const LAYOUT = plotLayout({ width: 640, height: 250, margin: { left: 48, right: 12 } });

type Line = { key: "scope" | "completed" | "remaining" | "ideal"; label: string; className: string; dashed?: boolean };

const LINES: Line[] = [
  { key: "scope", label: "Scope", className: "stroke-amber-600 dark:stroke-amber-400" },
  { key: "completed", label: "Completed (burnup)", className: "stroke-emerald-700 dark:stroke-emerald-400" },
  { key: "remaining", label: "Remaining (burndown)", className: "stroke-brand-600 dark:stroke-brand-300" },
  { key: "ideal", label: "Guideline", className: "stroke-slate-500 dark:stroke-slate-400", dashed: true },
];

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const round = (value: number) => Math.round(value * 10) / 10;

export function BurnChart({ days, label, timeZone }: { days: BurnDay[]; label: string; timeZone: string }) {
  if (days.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">This sprint has no days to chart yet.</p>;
  const max = niceCeiling(Math.max(...days.flatMap((d) => [d.scope, d.completed, d.remaining, d.ideal ?? 0])));
  const span = Math.max(1, days.length - 1);
  const x = (index: number) => px(LAYOUT.left + (index / span) * LAYOUT.plotWidth);
  const y = valueScale(LAYOUT, max);
  const first = days[0]!;
  const last = days.at(-1)!;
  const summary = `${label}, ${first.day} to ${last.day} (${timeZone} days): scope ${first.scope} to ${last.scope} points, completed ${last.completed}, remaining ${last.remaining}.`;
  const slot = LAYOUT.plotWidth / span;
  const linesOf = (d: BurnDay) =>
    LINES.filter((line) => d[line.key] !== null).map((line) => ({ line, value: d[line.key] as number }));
  return (
    <PlotFrame
      layout={LAYOUT}
      summary={summary}
      legend={LINES.map((line) => ({
        label: line.label,
        swatch: line.dashed ? "dashed" : "line",
        className: line.className,
      }))}
      valueAxis={{ max, y, format: round, unit: "points" }}
      bottomAxis={{
        ticks: categoryTicks(days.length, 8).map((index) => ({ x: x(index), label: shortDay(days[index]!.day) })),
        title: `day (${timeZone}, at its end)`,
      }}
      marks={
        <>
          {LINES.map((line) => (
            <polyline
              key={line.key}
              fill="none"
              strokeWidth={2}
              strokeDasharray={line.dashed ? "5 4" : undefined}
              className={line.className}
              points={days
                .map((d, index) => (d[line.key] === null ? null : `${x(index)},${y(d[line.key] as number)}`))
                .filter((p) => p !== null)
                .join(" ")}
            />
          ))}
        </>
      }
      points={days.map((d, index) => {
        const figures = linesOf(d);
        return (
          <PointTooltip
            key={d.day}
            label={`${shortDay(d.day)}: ${figures.map(({ line, value }) => `${line.label} ${value} points`).join(", ")}`}
            lines={[shortDay(d.day), ...figures.map(({ line, value }) => `${line.label}: ${value} points`)]}
            anchor={{ x: x(index), y: y(Math.max(...figures.map((f) => f.value))) }}
            ring={figures.map(({ value }) => ({ x: x(index), y: y(value) }))}
            hit={{ x: x(index) - slot / 2, y: LAYOUT.top, width: slot, height: LAYOUT.plotHeight }}
            bounds={LAYOUT}
          />
        );
      })}
      table={{
        caption: `${label}, points per day (${timeZone})`,
        columns: [
          { label: "Day" },
          { label: "Scope", numeric: true },
          { label: "Completed", numeric: true },
          { label: "Remaining", numeric: true },
          { label: "Guideline", numeric: true },
          { label: "Added", numeric: true },
          { label: "Removed", numeric: true },
          { label: "Re-estimated", numeric: true },
        ],
        rows: days.map((d) => ({
          key: d.day,
          cells: [
            d.day,
            d.scope,
            d.completed,
            d.remaining,
            d.ideal ?? "—",
            d.added || "",
            d.removed || "",
            d.estimated || "",
          ],
        })),
      }}
    />
  );
}
