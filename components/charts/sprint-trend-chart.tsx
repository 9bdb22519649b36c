import { niceCeiling, ValueGrid } from "./value-grid";

/**
 * One figure across a board's sprints as bars, oldest first, with the median as a dashed line. A sprint without the
 * figure (a backfilled sprint has no interrupt rate) has no bar and says so in the table. Server-rendered SVG with
 * an accessible summary and the same figures as a table.
 */
export type TrendBar = { label: string; value: number | null };

const WIDTH = 560;
const HEIGHT = 180;
const LEFT = 48;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 28;
const TICKS = 4;

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
  const slot = (WIDTH - LEFT - RIGHT) / bars.length;
  const y = (value: number) => TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM);
  const summary = `${title} across ${bars.length} sprints (${bars[0]!.label} to ${bars.at(-1)!.label}): lowest ${formatValue(Math.min(...values))}, highest ${formatValue(Math.max(...values))}${median === null ? "" : `, ${referenceLabel.toLowerCase()} ${formatValue(median)}`}; ${bars.length - values.length} sprint(s) ${missing}.`;
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="w-full">
        <ValueGrid max={max} ticks={TICKS} left={LEFT} right={WIDTH - RIGHT} y={y} format={formatValue} />
        <text x={LEFT - 6} y={HEIGHT - 4} textAnchor="end" className="fill-slate-600 text-[10px] dark:fill-slate-300">
          {unit}
        </text>
        {bars.map((bar, index) =>
          bar.value === null ? null : (
            <rect
              key={`${bar.label}-${index}`}
              x={LEFT + index * slot + slot * 0.15}
              width={slot * 0.7}
              y={y(bar.value)}
              height={Math.max(0, y(0) - y(bar.value))}
              className="fill-brand-600 dark:fill-brand-300"
            >
              <title>{`${bar.label}: ${formatValue(bar.value)}`}</title>
            </rect>
          ),
        )}
        {median === null ? null : (
          <line
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={y(median)}
            y2={y(median)}
            strokeDasharray="5 4"
            strokeWidth={1.5}
            className="stroke-amber-600 dark:stroke-amber-400"
          >
            <title>{`${referenceLabel} ${formatValue(median)}`}</title>
          </line>
        )}
        {[0, bars.length - 1].map((index) => (
          <text
            key={index}
            x={LEFT + index * slot + slot / 2}
            y={HEIGHT - 12}
            textAnchor={index === 0 ? "start" : "end"}
            className="fill-slate-600 text-[10px] dark:fill-slate-300"
          >
            {bars[index]!.label}
          </text>
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-700 dark:text-slate-200">
        <span className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 bg-brand-600 dark:bg-brand-300" /> {title} per
          sprint
        </span>
        {median === null ? null : (
          <span className="flex items-center gap-1.5">
            <svg width="20" height="6" aria-hidden="true">
              <line
                x1="0"
                x2="20"
                y1="3"
                y2="3"
                strokeDasharray="5 4"
                strokeWidth={1.5}
                className="stroke-amber-600 dark:stroke-amber-400"
              />
            </svg>
            {referenceLabel} {formatValue(median)}
          </span>
        )}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700 underline dark:text-slate-200">{title} as a table</summary>
        <table className="mt-2 w-full text-left text-xs">
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3">
                Sprint
              </th>
              <th scope="col" className="py-1 text-right">
                {title} ({unit})
              </th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {bars.map((bar, index) => (
              <tr key={`${bar.label}-${index}`} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {bar.label}
                </th>
                <td className="py-1 text-right">{bar.value === null ? missing : formatValue(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
