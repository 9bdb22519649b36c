import { colourOf } from "@/components/charts/palette";
import { PlotFrame } from "@/components/charts/plot-frame";
import { plotLayout, valueScale } from "@/components/charts/plot-layout";
import { PointTooltip } from "@/components/charts/point-tooltip";
import { niceCeiling, px, timeTicks } from "@/components/charts/scale";
import { chartTimeFormats } from "@/components/charts/time-formats";
import type { ErrorSeries } from "@/lib/features/errors";

const LAYOUT = plotLayout({ width: 720, height: 220, margin: { left: 48, right: 8 } });
const count = (value: number) => Math.round(value).toLocaleString("en");

/**
 * Error events per interval, stacked by project. Each interval is one focus stop whose label gives the total and
 * each project's count. Server-rendered SVG with a legend and the same figures as a table.
 */
export function ErrorChart({ series, projects }: { series: ErrorSeries; projects: { id: string; slug: string }[] }) {
  const slug = (id: string) => projects.find((p) => p.id === id)?.slug ?? id;
  const times = series.intervals.map((ts) => Date.parse(ts));
  const totals = series.intervals.map((_, i) => series.projects.reduce((t, p) => t + (p.values[i] ?? 0), 0));
  const total = totals.reduce((t, v) => t + v, 0);
  const projectTotal = (values: number[]) => values.reduce((t, v) => t + v, 0);
  const summary = `Error events: ${total.toLocaleString("en")} in the period, ${series.projects.map((p) => `${slug(p.projectId)} ${projectTotal(p.values)}`).join(", ")}`;
  const max = niceCeiling(Math.max(1, ...totals));
  const slot = LAYOUT.plotWidth / Math.max(1, times.length);
  const y = valueScale(LAYOUT, max);
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? first;
  /** Intervals are evenly spaced, so a time maps linearly onto the column centres. */
  const xOfTime = (time: number) =>
    px(LAYOUT.left + slot / 2 + ((time - first) / Math.max(1, last - first)) * slot * Math.max(0, times.length - 1));
  const { formatTime, formatPointTime } = chartTimeFormats(times);
  const stack = (i: number) => {
    let base = 0;
    return series.projects.map((p, j) => {
      const value = p.values[i] ?? 0;
      const segment = { projectId: p.projectId, colour: colourOf(j), value, from: base };
      base += value;
      return segment;
    });
  };
  return (
    <PlotFrame
      layout={LAYOUT}
      summary={summary}
      legend={series.projects.map((p, j) => ({
        label: `${slug(p.projectId)}: ${projectTotal(p.values).toLocaleString("en")}`,
        swatch: "box",
        className: colourOf(j).swatch,
      }))}
      valueAxis={{ max, y, format: count, unit: "events per interval" }}
      bottomAxis={{
        ticks: times.length === 0 ? [] : timeTicks(first, last).map((t) => ({ x: xOfTime(t), label: formatTime(t) })),
        title: "interval start (UTC)",
      }}
      marks={
        <>
          {times.map((time, i) =>
            stack(i).map((segment) => (
              <rect
                key={`${time}-${segment.projectId}`}
                x={px(LAYOUT.left + i * slot + 1)}
                y={y(segment.from + segment.value)}
                width={px(Math.max(1, slot - 2))}
                height={px(y(segment.from) - y(segment.from + segment.value))}
                className={segment.colour.fill}
              />
            )),
          )}
        </>
      }
      points={times.map((time, i) => {
        const byProject = stack(i).map((s) => `${slug(s.projectId)}: ${count(s.value)}`);
        return (
          <PointTooltip
            key={time}
            label={`Error events, ${formatPointTime(time)}: ${count(totals[i]!)} (${byProject.join(", ")})`}
            lines={[`${formatPointTime(time)}: ${count(totals[i]!)} events`, ...byProject]}
            anchor={{ x: LAYOUT.left + (i + 0.5) * slot, y: y(totals[i]!) }}
            hit={{ x: LAYOUT.left + i * slot, y: LAYOUT.top, width: slot, height: LAYOUT.plotHeight }}
            ring={{ rect: { x: LAYOUT.left + i * slot, y: y(totals[i]!), width: slot, height: y(0) - y(totals[i]!) } }}
            bounds={LAYOUT}
          />
        );
      })}
      table={{
        caption: "Error events per interval and project (UTC)",
        columns: [
          { label: "Interval" },
          ...series.projects.map((p) => ({ label: slug(p.projectId), numeric: true })),
          { label: "Total", numeric: true },
        ],
        rows: times.map((time, i) => ({
          key: String(time),
          cells: [formatPointTime(time), ...series.projects.map((p) => count(p.values[i] ?? 0)), count(totals[i]!)],
        })),
      }}
    />
  );
}
