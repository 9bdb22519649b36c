/**
 * A titled panel. `min-w-0` lets it shrink below its content's width inside a grid or flex row, so a wide table in
 * it scrolls inside its own container (see DataTable) rather than widening the page on a phone.
 */
export function Card({
  title,
  children,
  className = "",
}: {
  title?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section
      className={`min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      {title && (
        <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}

/**
 * A card with one line that says why a panel has nothing to show (a service not connected or not answering).
 * `role="status"` where the line replaces content the page was waiting for.
 */
function CardNotice({ children, role }: { children: React.ReactNode; role?: "status" }) {
  return (
    <Card>
      <p className="text-sm" role={role}>
        {children}
      </p>
    </Card>
  );
}

function CardSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      aria-hidden="true"
    >
      <div className="mb-4 h-4 w-32 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="mb-2 h-4 animate-pulse rounded bg-slate-100 dark:bg-slate-800/70" />
      ))}
    </div>
  );
}

Card.Notice = CardNotice;
Card.Skeleton = CardSkeleton;
