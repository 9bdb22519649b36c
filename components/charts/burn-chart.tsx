import type { BurnDay } from "@/lib/domain/sprint-report";
import { niceCeiling, ValueGrid } from "./value-grid";

/**
 * A sprint's burndown and burnup on one chart: the scope line, completed work (burnup), remaining work (burndown)
 * and Jira's guideline, one point per day at the day's end. Server-rendered SVG with a legend, an accessible
 * summary and the same figures as a table.
 */
const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 48;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 36;
const TICKS = 4;

type Line = { key: "scope" | "completed" | "remaining" | "ideal"; label: string; className: string; dashed?: boolean };

const LINES: Line[] = [
  { key: "scope", label: "Scope", className: "stroke-amber-600 dark:stroke-amber-400" },
  { key: "completed", label: "Completed (burnup)", className: "stroke-emerald-700 dark:stroke-emerald-400" },
  { key: "remaining", label: "Remaining (burndown)", className: "stroke-brand-600 dark:stroke-brand-300" },
  { key: "ideal", label: "Guideline", className: "stroke-slate-500 dark:stroke-slate-400", dashed: true },
];

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export function BurnChart({ days, label, timeZone }: { days: BurnDay[]; label: string; timeZone: string }) {
  if (days.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">This sprint has no days to chart yet.</p>;
  const max = niceCeiling(Math.max(...days.flatMap((d) => [d.scope, d.completed, d.remaining, d.ideal ?? 0])));
  const span = Math.max(1, days.length - 1);
  const x = (index: number) => LEFT + (index / span) * (WIDTH - LEFT - RIGHT);
  const y = (value: number) => TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM);
  const first = days[0]!;
  const last = days.at(-1)!;
  const summary = `${label}, ${first.day} to ${last.day} (${timeZone} days): scope ${first.scope} to ${last.scope} points, completed ${last.completed}, remaining ${last.remaining}.`;
  const labelEvery = Math.max(1, Math.ceil(days.length / 7));
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="w-full">
        <ValueGrid
          max={max}
          ticks={TICKS}
          left={LEFT}
          right={WIDTH - RIGHT}
          y={y}
          format={(value) => Math.round(value * 10) / 10}
        />
        <text
          x={12}
          y={TOP + 4}
          className="fill-slate-600 text-[10px] dark:fill-slate-300"
          transform={`rotate(-90 12 ${TOP + 4})`}
          textAnchor="end"
        >
          points
        </text>
        {days.map((d, index) =>
          index % labelEvery === 0 || index === days.length - 1 ? (
            <text
              key={d.day}
              x={x(index)}
              y={HEIGHT - BOTTOM + 14}
              textAnchor="middle"
              className="fill-slate-600 text-[10px] dark:fill-slate-300"
            >
              {shortDay(d.day)}
            </text>
          ) : null,
        )}
        <text
          x={(LEFT + WIDTH) / 2}
          y={HEIGHT - 4}
          textAnchor="middle"
          className="fill-slate-600 text-[10px] dark:fill-slate-300"
        >
          day ({timeZone}, at its end)
        </text>
        {LINES.map((line) => {
          const points = days
            .map((d, index) => (d[line.key] === null ? null : `${x(index)},${y(d[line.key] as number)}`))
            .filter((p) => p !== null);
          return (
            <polyline
              key={line.key}
              fill="none"
              strokeWidth={2}
              strokeDasharray={line.dashed ? "5 4" : undefined}
              className={line.className}
              points={points.join(" ")}
            >
              <title>{line.label}</title>
            </polyline>
          );
        })}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-4 text-xs text-slate-700 dark:text-slate-200" aria-label="Legend">
          {LINES.map((line) => (
            <li key={line.key} className="flex items-center gap-1.5">
              <svg width="20" height="6" aria-hidden="true">
                <line
                  x1="0"
                  x2="20"
                  y1="3"
                  y2="3"
                  strokeWidth={2}
                  strokeDasharray={line.dashed ? "5 4" : undefined}
                  className={line.className}
                />
              </svg>
              {line.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700 underline dark:text-slate-200">The chart as a table</summary>
        <table className="mt-2 w-full text-left text-xs">
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3">
                Day
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Scope
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Completed
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Remaining
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Guideline
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Added
              </th>
              <th scope="col" className="py-1 pr-3 text-right">
                Removed
              </th>
              <th scope="col" className="py-1 text-right">
                Re-estimated
              </th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {days.map((d) => (
              <tr key={d.day} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {d.day}
                </th>
                <td className="py-1 pr-3 text-right">{d.scope}</td>
                <td className="py-1 pr-3 text-right">{d.completed}</td>
                <td className="py-1 pr-3 text-right">{d.remaining}</td>
                <td className="py-1 pr-3 text-right">{d.ideal ?? "—"}</td>
                <td className="py-1 pr-3 text-right">{d.added || ""}</td>
                <td className="py-1 pr-3 text-right">{d.removed || ""}</td>
                <td className="py-1 text-right">{d.estimated || ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
