import { sparklineShape } from "@/lib/domain/overview";

/**
 * A small line chart drawn on the server, with no axes: the line, and a dashed guide (a burndown's guideline) on
 * the same scale when given. `label` is its text alternative and should say what the line shows in numbers.
 */
export function Sparkline({
  values,
  guide,
  label,
  width = 120,
  height = 28,
}: {
  values: number[];
  guide?: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  const box = { width, height };
  const max = Math.max(0, ...values, ...(guide ?? []));
  const line = sparklineShape(values, box, max);
  const guideLine = guide && guide.length > 0 ? sparklineShape(guide, box, max) : null;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="shrink-0 overflow-visible"
    >
      {guideLine && (
        <polyline
          points={guideLine.points}
          fill="none"
          strokeWidth={1}
          strokeDasharray="3 3"
          className="stroke-slate-400 dark:stroke-slate-500"
        />
      )}
      <polyline
        points={line.points}
        fill="none"
        strokeWidth={1.75}
        strokeLinejoin="round"
        strokeLinecap="round"
        className="stroke-brand-600 dark:stroke-brand-300"
      />
    </svg>
  );
}
