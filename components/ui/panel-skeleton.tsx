/** A heading's placeholder bar, and the lighter one of a row of content. */
const bar = "animate-pulse rounded bg-slate-200 dark:bg-slate-800";
const rowBar = "animate-pulse rounded bg-slate-100 dark:bg-slate-800/70";

/**
 * Stands in for a card whose data is still on its way, at roughly the card's
 * final size so the page does not jump when it arrives. `aria-busy` tells
 * assistive technology the region is loading; the bars themselves are hidden.
 */
export function PanelSkeleton({
  label,
  title = true,
  rows = 3,
  columns = 1,
  className = "",
}: {
  label: string;
  title?: boolean;
  rows?: number;
  columns?: number;
  className?: string;
}) {
  return (
    <section
      aria-busy="true"
      aria-label={label}
      className={`rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div aria-hidden="true">
        {title && <div className={`mb-4 h-4 w-32 ${bar}`} />}
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="mb-2 flex gap-4">
            {Array.from({ length: columns }, (_, column) => (
              <div key={column} className={`h-4 flex-1 ${rowBar}`} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

/** A line of text still on its way (a description that depends on streamed data), one line high. */
export function TextSkeleton({ className = "w-96" }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block h-4 max-w-full animate-pulse rounded bg-slate-200 align-middle dark:bg-slate-800 ${className}`}
    />
  );
}

const frame = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900";

/** A table still loading: a header row and `rows` rows of `columns` cells, at a table's row height. */
export function TableSkeleton({ label, rows = 8, columns = 4 }: { label: string; rows?: number; columns?: number }) {
  const cells = (className: string) =>
    Array.from({ length: columns }, (_, column) => (
      <td key={column}>
        <div className={className} />
      </td>
    ));
  return (
    <section aria-busy="true" aria-label={label} className={frame}>
      <div aria-hidden="true">
        <div className={`mb-4 h-4 w-32 ${bar}`} />
        {/* Cell padding sits on the table, not on each of its cells. */}
        <table className="w-full [&_td]:py-2 [&_td]:pr-4">
          <thead>
            <tr>{cells(`h-3 w-16 ${bar}`)}</tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, row) => (
              <tr key={row} className="data-row">
                {cells(`h-4 ${rowBar}`)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A chart still loading: a plot area of the chart's height with an axis line, and a legend line below. */
export function ChartSkeleton({ label, height = "h-56" }: { label: string; height?: string }) {
  return (
    <section aria-busy="true" aria-label={label} className={frame}>
      <div aria-hidden="true">
        <div className={`mb-4 h-4 w-40 ${bar}`} />
        <div
          className={`${height} flex items-end gap-2 border-b border-l border-slate-200 pb-1 pl-1 dark:border-slate-700`}
        >
          {[40, 65, 50, 80, 55, 70, 45, 85, 60, 75].map((percent, i) => (
            <div
              key={i}
              className={`flex-1 ${bar} bg-slate-100 dark:bg-slate-800/70`}
              style={{ height: `${percent}%` }}
            />
          ))}
        </div>
        <div className={`mt-3 h-3 w-48 ${bar}`} />
      </div>
    </section>
  );
}

/** A grid of figure cards still loading: `count` cards, each a label and a large figure. */
export function CardsSkeleton({ label, count = 4 }: { label: string; count?: number }) {
  return (
    <div aria-busy="true" aria-label={label} role="group" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {Array.from({ length: count }, (_, card) => (
        <div key={card} aria-hidden="true" className={frame}>
          <div className={`mb-3 h-3 w-24 ${bar}`} />
          <div className={`h-7 w-20 ${bar}`} />
        </div>
      ))}
    </div>
  );
}
