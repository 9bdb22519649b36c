import { valueTicks } from "./scale";

export { niceCeiling } from "./scale";

/**
 * The value axis every server-rendered chart shares: grid lines at round steps from `min` (0 unless a chart zooms
 * in) to `max`, each labelled just left of the plot, with the unit written above the axis.
 */
export function ValueGrid({
  min = 0,
  max,
  left,
  right,
  y,
  format,
  unit,
}: {
  min?: number;
  max: number;
  /** The plot's left and right edges in the SVG's coordinates; labels sit just left of `left`. */
  left: number;
  right: number;
  y: (value: number) => number;
  format: (value: number) => string | number;
  /** The axis title ("points", "% of sessions"); the chart leaves about 16 units above the plot for it. */
  unit?: string;
}) {
  return (
    <g>
      {valueTicks(min, max).map((value) => (
        <g key={value}>
          <line x1={left} x2={right} y1={y(value)} y2={y(value)} className="stroke-slate-200 dark:stroke-slate-700" />
          <text
            x={left - 6}
            y={y(value) + 3}
            textAnchor="end"
            className="fill-slate-600 text-[10px] dark:fill-slate-300"
          >
            {format(value)}
          </text>
        </g>
      ))}
      {unit && (
        <text x={left} y={y(max) - 6} className="fill-slate-600 text-[10px] font-medium dark:fill-slate-300">
          {unit}
        </text>
      )}
    </g>
  );
}
