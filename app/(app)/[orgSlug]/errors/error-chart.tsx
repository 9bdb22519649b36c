import { BottomAxis } from "@/components/charts/bottom-axis";
import { ChartFrame } from "@/components/charts/chart-frame";
import { colourOf } from "@/components/charts/palette";
import { PointTooltip } from "@/components/charts/point-tooltip";
import { niceCeiling, px, timeTicks } from "@/components/charts/scale";
import { chartTimeFormats } from "@/components/charts/time-formats";
import { ValueGrid } from "@/components/charts/value-grid";
import type { ErrorSeries } from "@/lib/features/errors";

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 48;
const RIGHT = 8;
const TOP = 20;
const BOTTOM = 38;
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
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, times.length);
  const y = (value: number) => px(TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM));
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? first;
  /** Intervals are evenly spaced, so a time maps linearly onto the column centres. */
  const xOfTime = (time: number) =>
    px(LEFT + slot / 2 + ((time - first) / Math.max(1, last - first)) * slot * Math.max(0, times.length - 1));
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
    <ChartFrame
      width={WIDTH}
      height={HEIGHT}
      summary={summary}
      legend={series.projects.map((p, j) => ({
        label: `${slug(p.projectId)}: ${projectTotal(p.values).toLocaleString("en")}`,
        swatch: "box",
        className: colourOf(j).swatch,
      }))}
      drawing={
        <>
          <ValueGrid max={max} left={LEFT} right={WIDTH - RIGHT} y={y} format={count} unit="events per interval" />
          <BottomAxis
            ticks={
              times.length === 0 ? [] : timeTicks(first, last).map((t) => ({ x: xOfTime(t), label: formatTime(t) }))
            }
            left={LEFT}
            right={WIDTH - RIGHT}
            baseline={HEIGHT - BOTTOM}
            title="interval start (UTC)"
          />
          {times.map((time, i) =>
            stack(i).map((segment) => (
              <rect
                key={`${time}-${segment.projectId}`}
                x={px(LEFT + i * slot + 1)}
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
            anchor={{ x: LEFT + (i + 0.5) * slot, y: y(totals[i]!) }}
            hit={{ x: LEFT + i * slot, y: TOP, width: slot, height: HEIGHT - TOP - BOTTOM }}
            ring={{ rect: { x: LEFT + i * slot, y: y(totals[i]!), width: slot, height: y(0) - y(totals[i]!) } }}
            bounds={{ width: WIDTH, height: HEIGHT }}
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
