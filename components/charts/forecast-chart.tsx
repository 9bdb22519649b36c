/**
 * How many simulated futures finish in each sprint (a histogram), with the P50, P85 and P95 sprints marked.
 * Server-rendered SVG; the same figures are in a table under it for anyone who cannot read the bars.
 */
export type ForecastBar = { sprints: number; date: Date; trials: number };
export type ForecastMarks = { p50: number; p85: number; p95: number };

const WIDTH = 560;
const HEIGHT = 200;
const LEFT = 44;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 36;
const TICKS = 4;

const MARKS = [
  {
    key: "p50",
    label: "P50",
    className: "stroke-emerald-700 dark:stroke-emerald-400",
    swatch: "bg-emerald-700 dark:bg-emerald-400",
  },
  {
    key: "p85",
    label: "P85",
    className: "stroke-amber-700 dark:stroke-amber-400",
    swatch: "bg-amber-700 dark:bg-amber-400",
  },
  {
    key: "p95",
    label: "P95",
    className: "stroke-rose-700 dark:stroke-rose-400",
    swatch: "bg-rose-700 dark:bg-rose-400",
  },
] as const;

const day = (date: Date) => date.toISOString().slice(0, 10);
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function ForecastChart({
  label,
  bars,
  marks,
  trials,
}: {
  /** What is forecast, for the accessible summary ("Epic ACME-12 Checkout"). */
  label: string;
  bars: ForecastBar[];
  marks: ForecastMarks;
  trials: number;
}) {
  if (bars.length === 0) return null;
  const first = bars[0]!.sprints;
  const last = bars.at(-1)!.sprints;
  const span = last - first + 1;
  const slot = (WIDTH - LEFT - RIGHT) / span;
  const maxShare = Math.max(...bars.map((b) => b.trials / trials));
  const top = Math.min(1, Math.ceil(maxShare * 10) / 10 || 0.1);
  const x = (sprints: number) => LEFT + (sprints - first) * slot;
  const y = (share: number) => TOP + (1 - share / top) * (HEIGHT - TOP - BOTTOM);
  const labelEvery = Math.max(1, Math.ceil(span / 8));
  const dateOf = (sprints: number) => bars.find((b) => b.sprints === sprints)?.date;
  const summary = `${label}: of ${trials.toLocaleString("en-US")} simulated futures, half finish by sprint ${marks.p50} (${day(dateOf(marks.p50)!)}), 85% by sprint ${marks.p85} (${day(dateOf(marks.p85)!)}), 95% by sprint ${marks.p95} (${day(dateOf(marks.p95)!)}).`;

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="w-full">
        {Array.from({ length: TICKS + 1 }, (_, i) => {
          const share = (top / TICKS) * i;
          return (
            <g key={i}>
              <line
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={y(share)}
                y2={y(share)}
                className="stroke-slate-200 dark:stroke-slate-700"
              />
              <text
                x={LEFT - 6}
                y={y(share) + 3}
                textAnchor="end"
                className="fill-slate-600 text-[10px] dark:fill-slate-300"
              >
                {percent(share)}
              </text>
            </g>
          );
        })}
        {bars.map((bar) => (
          <rect
            key={bar.sprints}
            x={x(bar.sprints) + slot * 0.1}
            width={slot * 0.8}
            y={y(bar.trials / trials)}
            height={y(0) - y(bar.trials / trials)}
            className="fill-brand-600 dark:fill-brand-500"
          >
            <title>{`Sprint ${bar.sprints} (ends ${day(bar.date)}): ${percent(bar.trials / trials)} of futures finish`}</title>
          </rect>
        ))}
        {MARKS.map((mark) => (
          <line
            key={mark.key}
            x1={x(marks[mark.key]) + slot / 2}
            x2={x(marks[mark.key]) + slot / 2}
            y1={TOP}
            y2={y(0)}
            strokeWidth={2}
            strokeDasharray="4 3"
            className={mark.className}
          />
        ))}
        {bars
          .filter((bar) => (bar.sprints - first) % labelEvery === 0)
          .map((bar) => (
            <text
              key={bar.sprints}
              x={x(bar.sprints) + slot / 2}
              y={HEIGHT - 22}
              textAnchor="middle"
              className="fill-slate-600 text-[10px] dark:fill-slate-300"
            >
              {bar.sprints}
            </text>
          ))}
        <text
          x={(LEFT + WIDTH - RIGHT) / 2}
          y={HEIGHT - 6}
          textAnchor="middle"
          className="fill-slate-600 text-[10px] dark:fill-slate-300"
        >
          Sprints from now until done (1 = the current sprint)
        </text>
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-300">
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-brand-600 dark:bg-brand-500" />
          Share of futures finishing in that sprint
        </span>
        {MARKS.map((mark) => (
          <span key={mark.key} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-0.5 w-4 ${mark.swatch}`} />
            {mark.label}: sprint {marks[mark.key]}
          </span>
        ))}
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-300">The distribution as a table</summary>
        <table className="mt-2 text-left text-xs">
          <thead>
            <tr className="text-slate-600 dark:text-slate-300">
              <th scope="col" className="pr-4 font-medium">
                Sprint
              </th>
              <th scope="col" className="pr-4 font-medium">
                Ends
              </th>
              <th scope="col" className="pr-4 font-medium">
                Futures finishing
              </th>
              <th scope="col" className="font-medium">
                Finished by then
              </th>
            </tr>
          </thead>
          <tbody>
            {cumulative(bars, trials).map((row) => (
              <tr key={row.sprints}>
                <td className="pr-4">{row.sprints}</td>
                <td className="pr-4">{day(row.date)}</td>
                <td className="pr-4">{percent(row.trials / trials)}</td>
                <td>{percent(row.finishedBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function cumulative(bars: ForecastBar[], trials: number) {
  let finished = 0;
  return bars.map((bar) => {
    finished += bar.trials;
    return { ...bar, finishedBy: finished / trials };
  });
}
