import { niceCeiling, ValueGrid } from "./value-grid";

/**
 * Bugs filed against bugs resolved per period (sprint or release), oldest first, as paired bars: a widening gap
 * means the bug backlog grows. Server-rendered SVG, with the same figures in a table under it.
 */
export type QualityTrendPoint = { label: string; filed: number; resolved: number; escaped: number };

const WIDTH = 560;
const HEIGHT = 200;
const LEFT = 36;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 40;
const TICKS = 4;

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

export function QualityTrendChart({ label, points }: { label: string; points: QualityTrendPoint[] }) {
  if (points.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">Nothing to chart yet.</p>;
  const max = niceCeiling(Math.max(1, ...points.flatMap((p) => [p.filed, p.resolved, p.escaped])));
  const slot = (WIDTH - LEFT - RIGHT) / points.length;
  const bar = (slot * 0.8) / SERIES.length;
  const y = (value: number) => TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM);
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const total = (key: (typeof SERIES)[number]["key"]) => points.reduce((sum, p) => sum + p[key], 0);
  const summary = `${label}, ${points[0]!.label} to ${points.at(-1)!.label}: ${total("filed")} bugs filed, ${total("resolved")} resolved, ${total("escaped")} escaped defects.`;

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="w-full">
        <ValueGrid
          max={max}
          ticks={TICKS}
          left={LEFT}
          right={WIDTH - RIGHT}
          y={y}
          format={(value) => (Number.isInteger(value) ? value : value.toFixed(1))}
        />
        {points.map((point, i) => (
          <g key={`${point.label}-${i}`}>
            {SERIES.map((series, s) => (
              <rect
                key={series.key}
                x={LEFT + i * slot + slot * 0.1 + s * bar}
                width={bar}
                y={y(point[series.key])}
                height={y(0) - y(point[series.key])}
                className={series.bar}
              >
                <title>{`${point.label}: ${point[series.key]} ${series.label.toLowerCase()}`}</title>
              </rect>
            ))}
            {i % labelEvery === 0 && (
              <text
                x={LEFT + (i + 0.5) * slot}
                y={HEIGHT - 24}
                textAnchor="middle"
                className="fill-slate-600 text-[10px] dark:fill-slate-300"
              >
                {point.label.length > 14 ? `${point.label.slice(0, 13)}…` : point.label}
              </text>
            )}
          </g>
        ))}
        <text x={LEFT - 30} y={TOP - 2} className="fill-slate-600 text-[10px] dark:fill-slate-300">
          issues
        </text>
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-300">
        {SERIES.map((series) => (
          <span key={series.key} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${series.swatch}`} />
            {series.label}
          </span>
        ))}
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-300">The trend as a table</summary>
        <table className="mt-2 text-left text-xs">
          <thead>
            <tr className="text-slate-600 dark:text-slate-300">
              <th scope="col" className="pr-4 font-medium">
                Period
              </th>
              {SERIES.map((series) => (
                <th key={series.key} scope="col" className="pr-4 font-medium">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point, i) => (
              <tr key={`${point.label}-${i}`}>
                <td className="pr-4">{point.label}</td>
                {SERIES.map((series) => (
                  <td key={series.key} className="pr-4">
                    {point[series.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
