/**
 * The horizontal axis under a plot: a baseline, a short tick and a label at each given position, and the axis
 * title under the labels. Time axes pass positions from `timeTicks`; category axes from `categoryTicks`.
 */
export type AxisTick = { x: number; label: string };

export function BottomAxis({
  ticks,
  left,
  right,
  baseline,
  title,
}: {
  ticks: AxisTick[];
  left: number;
  right: number;
  /** The plot's bottom edge in the SVG's coordinates; labels hang below it. */
  baseline: number;
  /** The axis title ("day (UTC)", "sprint"), drawn centred under the labels. */
  title?: string;
}) {
  return (
    <g>
      <line x1={left} x2={right} y1={baseline} y2={baseline} className="stroke-slate-400 dark:stroke-slate-500" />
      {ticks.map((tick, i) => (
        <g key={`${tick.x}-${i}`}>
          <line
            x1={tick.x}
            x2={tick.x}
            y1={baseline}
            y2={baseline + 4}
            className="stroke-slate-400 dark:stroke-slate-500"
          />
          <text
            x={tick.x}
            y={baseline + 14}
            textAnchor={anchorFor(tick.x, left, right)}
            className="fill-slate-600 text-[10px] dark:fill-slate-300"
          >
            {tick.label}
          </text>
        </g>
      ))}
      {title && (
        <text
          x={(left + right) / 2}
          y={baseline + 28}
          textAnchor="middle"
          className="fill-slate-600 text-[10px] dark:fill-slate-300"
        >
          {title}
        </text>
      )}
    </g>
  );
}

/** Labels at the very edges grow inwards so they are not cut off by the SVG's bounds. */
function anchorFor(x: number, left: number, right: number): "start" | "middle" | "end" {
  if (x - left < 12) return "start";
  if (right - x < 12) return "end";
  return "middle";
}
