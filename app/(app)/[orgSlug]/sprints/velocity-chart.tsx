import type { Velocity } from "@/lib/domain/capacity";

/** "ACME Sprint 7" → "Sprint 7": the board is already on screen. */
const shortName = (name: string) =>
  /Sprint \d+$/.exec(name)?.[0] ?? (name.length > 12 ? `${name.slice(0, 11)}…` : name);

/** Committed vs completed points per closed sprint, with the planning average as a line. Server-rendered SVG. */
export function VelocityChart({ velocity }: { velocity: Velocity }) {
  const { sprints, averageCompleted } = velocity;
  if (sprints.length === 0) return <p className="text-sm text-slate-500">No closed sprints yet.</p>;
  const max = Math.max(1, ...sprints.flatMap((s) => [s.committedPoints, s.completedPoints]));
  const width = 560;
  const height = 180;
  const slot = width / sprints.length;
  const bar = Math.min(22, slot / 3);
  const y = (value: number) => height - (value / max) * (height - 20);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height + 24}`}
        role="img"
        aria-label={`Velocity: ${sprints.map((s) => `${s.name} committed ${s.committedPoints}, completed ${s.completedPoints}`).join("; ")}`}
        className="w-full"
      >
        {sprints.map((s, i) => {
          const x = i * slot + slot / 2;
          return (
            <g key={s.sprintId}>
              <rect
                x={x - bar - 1}
                y={y(s.committedPoints)}
                width={bar}
                height={height - y(s.committedPoints)}
                className="fill-slate-300 dark:fill-slate-600"
                rx={2}
              />
              <rect
                x={x + 1}
                y={y(s.completedPoints)}
                width={bar}
                height={height - y(s.completedPoints)}
                className="fill-brand-600"
                rx={2}
              />
              <text x={x} y={height + 16} textAnchor="middle" className="fill-slate-500 text-[10px]">
                {shortName(s.name)}
              </text>
            </g>
          );
        })}
        {averageCompleted !== null && (
          <line
            x1={0}
            x2={width}
            y1={y(averageCompleted)}
            y2={y(averageCompleted)}
            strokeDasharray="4 4"
            className="stroke-emerald-600"
          />
        )}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400">
        <span>
          <span className="mr-1 inline-block h-2 w-3 rounded-sm bg-slate-300 dark:bg-slate-600" />
          Committed
        </span>
        <span>
          <span className="mr-1 inline-block h-2 w-3 rounded-sm bg-brand-600" />
          Completed
        </span>
        {averageCompleted !== null && (
          <span>
            <span className="mr-1 inline-block w-3 border-t-2 border-dashed border-emerald-600 align-middle" />
            Average completed (last 3): {averageCompleted} points
          </span>
        )}
      </figcaption>
    </figure>
  );
}
