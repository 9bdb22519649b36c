import type { LegendItem } from "@/components/charts/chart-legend";
import { PlotFrame } from "@/components/charts/plot-frame";
import { plotLayout, valueScale } from "@/components/charts/plot-layout";
import { PointTooltip } from "@/components/charts/point-tooltip";
import { categoryTicks, niceCeiling, px } from "@/components/charts/scale";
import type { Velocity } from "@/lib/domain/capacity";

/** "ACME Sprint 7" → "Sprint 7": the board is already on screen. */
const shortName = (name: string) =>
  /Sprint \d+$/.exec(name)?.[0] ?? (name.length > 12 ? `${name.slice(0, 11)}…` : name);

const LAYOUT = plotLayout({ width: 560, height: 220, margin: { left: 40, right: 8 } });

const SERIES = [
  {
    key: "committedPoints",
    label: "Committed",
    fill: "fill-slate-500 dark:fill-slate-400",
    swatch: "bg-slate-500 dark:bg-slate-400",
  },
  {
    key: "completedPoints",
    label: "Completed",
    fill: "fill-brand-600 dark:fill-brand-300",
    swatch: "bg-brand-600 dark:bg-brand-300",
  },
] as const;
const AVERAGE = "stroke-emerald-700 dark:stroke-emerald-400";

/**
 * Committed vs completed points per closed sprint, with the planning average as a line. Each bar shows its points on
 * hover and focus. Server-rendered SVG with a legend and the same figures as a table.
 */
export function VelocityChart({ velocity }: { velocity: Velocity }) {
  const { sprints, averageCompleted } = velocity;
  if (sprints.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">No closed sprints yet.</p>;
  const max = niceCeiling(Math.max(1, ...sprints.flatMap((s) => [s.committedPoints, s.completedPoints])));
  const slot = LAYOUT.plotWidth / sprints.length;
  const bar = Math.min(22, slot / 3);
  const y = valueScale(LAYOUT, max);
  const center = (i: number) => px(LAYOUT.left + i * slot + slot / 2);
  const barRect = (i: number, s: number, value: number) => ({
    x: s === 0 ? center(i) - bar - 1 : center(i) + 1,
    y: y(value),
    width: bar,
    height: y(0) - y(value),
  });
  const legend: LegendItem[] = SERIES.map((s) => ({ label: s.label, swatch: "box", className: s.swatch }));
  if (averageCompleted !== null)
    legend.push({
      label: `Average completed (last 3): ${averageCompleted} points`,
      swatch: "dashed",
      className: AVERAGE,
    });
  return (
    <PlotFrame
      layout={LAYOUT}
      summary={`Velocity: ${sprints.map((s) => `${s.name} committed ${s.committedPoints}, completed ${s.completedPoints}`).join("; ")}`}
      legend={legend}
      valueAxis={{ max, y, format: (v) => v, unit: "points" }}
      bottomAxis={{
        ticks: categoryTicks(sprints.length, 8).map((i) => ({ x: center(i), label: shortName(sprints[i]!.name) })),
        title: "closed sprint, oldest first",
      }}
      marks={
        <>
          {sprints.map((sprint, i) =>
            SERIES.map((series, s) => (
              <rect
                key={`${sprint.sprintId}-${series.key}`}
                {...barRect(i, s, sprint[series.key])}
                rx={2}
                className={series.fill}
              />
            )),
          )}
          {averageCompleted !== null && (
            <line
              x1={LAYOUT.left}
              x2={LAYOUT.right}
              y1={y(averageCompleted)}
              y2={y(averageCompleted)}
              strokeWidth={1.5}
              strokeDasharray="5 4"
              className={AVERAGE}
            />
          )}
        </>
      }
      points={sprints.map((sprint, i) =>
        SERIES.map((series, s) => {
          const rect = barRect(i, s, sprint[series.key]);
          return (
            <PointTooltip
              key={`${sprint.sprintId}-${series.key}`}
              label={`${series.label}, ${sprint.name}: ${sprint[series.key]} points`}
              lines={[sprint.name, `${series.label}: ${sprint[series.key]} points`]}
              anchor={{ x: rect.x + bar / 2, y: rect.y }}
              hit={{ x: rect.x, y: LAYOUT.top, width: bar, height: LAYOUT.plotHeight }}
              ring={{ rect }}
              bounds={LAYOUT}
            />
          );
        }),
      )}
      table={{
        caption: "Velocity: points per closed sprint",
        columns: [{ label: "Sprint" }, ...SERIES.map((s) => ({ label: `${s.label} (points)`, numeric: true }))],
        rows: sprints.map((sprint) => ({
          key: String(sprint.sprintId),
          cells: [sprint.name, sprint.committedPoints, sprint.completedPoints],
        })),
      }}
    />
  );
}
