/**
 * The legend beside a chart, in HTML so it wraps and reads as text: a swatch drawn like the mark (a filled box for
 * bars and areas, a line or a dashed line for lines and reference lines) and the series' name.
 */
export type LegendItem = {
  label: string;
  swatch: "box" | "line" | "dashed";
  /** For a box, a `bg-*` class; for a line, a `stroke-*` class (each with its `dark:` variant). */
  className: string;
};

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-200">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          {item.swatch === "box" ? (
            <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-sm ${item.className}`} />
          ) : (
            <svg width="20" height="6" aria-hidden="true">
              <line
                x1="0"
                x2="20"
                y1="3"
                y2="3"
                strokeWidth={2}
                strokeDasharray={item.swatch === "dashed" ? "5 4" : undefined}
                className={item.className}
              />
            </svg>
          )}
          {item.label}
        </li>
      ))}
    </ul>
  );
}
