/**
 * The value axis every server-rendered chart shares: evenly spaced grid lines from 0 to `max`, each labelled at
 * the left edge of the plot.
 */
export function ValueGrid({
  max,
  ticks = 4,
  left,
  right,
  y,
  format,
}: {
  max: number;
  ticks?: number;
  /** The plot's left and right edges in the SVG's coordinates; labels sit just left of `left`. */
  left: number;
  right: number;
  y: (value: number) => number;
  format: (value: number) => string | number;
}) {
  return Array.from({ length: ticks + 1 }, (_, i) => {
    const value = (max / ticks) * i;
    return (
      <g key={i}>
        <line x1={left} x2={right} y1={y(value)} y2={y(value)} className="stroke-slate-200 dark:stroke-slate-700" />
        <text x={left - 6} y={y(value) + 3} textAnchor="end" className="fill-slate-600 text-[10px] dark:fill-slate-300">
          {format(value)}
        </text>
      </g>
    );
  });
}

/** The axis top: 1, 2, 2.5 or 5 times a power of ten at or above the highest value, so ticks read as round numbers. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value) ?? 10;
  return step * power;
}
