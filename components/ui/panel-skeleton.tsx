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
        {title && <div className="mb-4 h-4 w-32 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />}
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="mb-2 flex gap-4">
            {Array.from({ length: columns }, (_, column) => (
              <div key={column} className="h-4 flex-1 animate-pulse rounded bg-slate-100 dark:bg-slate-800/70" />
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
