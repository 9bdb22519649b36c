import Link from "next/link";

/**
 * What an empty table or list shows instead: what is missing and what to do next, with an optional link to the
 * place where that is done. A status region, so a filter that empties the list is announced.
 */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  /** What to do next, in a sentence or two. */
  children?: React.ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <div
      role="status"
      className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center dark:border-slate-700"
    >
      <p className="text-sm font-medium text-slate-800 dark:text-slate-200">{title}</p>
      {children && <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600 dark:text-slate-400">{children}</p>}
      {action && (
        <Link
          href={action.href}
          className="mt-3 inline-block text-sm font-medium text-brand-600 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-brand-300"
        >
          {action.label}
        </Link>
      )}
    </div>
  );
}
