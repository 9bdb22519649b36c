import type { ErrorSeries } from "@/lib/integrations/sentry";

const COLORS = [
  "fill-brand-600",
  "fill-amber-500",
  "fill-emerald-600",
  "fill-rose-500",
  "fill-sky-500",
  "fill-violet-500",
];

/** Error events per interval, stacked by project. Server-rendered SVG. */
export function ErrorChart({ series, projects }: { series: ErrorSeries; projects: { id: string; slug: string }[] }) {
  const slug = (id: string) => projects.find((p) => p.id === id)?.slug ?? id;
  const totals = series.intervals.map((_, i) => series.projects.reduce((t, p) => t + (p.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const width = 720;
  const height = 160;
  const slot = width / Math.max(1, series.intervals.length);
  const total = totals.reduce((t, v) => t + v, 0);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Error events: ${total.toLocaleString("en")} in the period, ${series.projects.map((p) => `${slug(p.projectId)} ${p.values.reduce((t, v) => t + v, 0)}`).join(", ")}`}
        className="w-full"
      >
        {series.intervals.map((ts, i) => {
          let y = height;
          return (
            <g key={ts}>
              {series.projects.map((p, j) => {
                const h = ((p.values[i] ?? 0) / max) * (height - 8);
                y -= h;
                return (
                  <rect
                    key={p.projectId}
                    x={i * slot + 1}
                    y={y}
                    width={Math.max(1, slot - 2)}
                    height={h}
                    className={COLORS[j % COLORS.length]}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400">
        {series.projects.map((p, j) => (
          <span key={p.projectId}>
            <svg className="mr-1 inline h-2 w-3" aria-hidden="true">
              <rect width="12" height="8" className={COLORS[j % COLORS.length]} />
            </svg>
            {slug(p.projectId)}: {p.values.reduce((t, v) => t + v, 0).toLocaleString("en")}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
