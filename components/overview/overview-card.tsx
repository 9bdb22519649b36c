import Link from "next/link";
import { Freshness } from "@/components/ui/freshness";
import type { PanelFreshness } from "@/lib/domain/overview";

/**
 * One Overview panel: a region named by its question, how old its data is, its content, and a link onward.
 * `id` names the heading the region is labelled by, so it must be unique on the page.
 */
export function OverviewCard({
  id,
  title,
  freshness,
  now,
  footer,
  children,
}: {
  id: string;
  title: string;
  freshness?: PanelFreshness;
  now: Date;
  footer?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {freshness && <Freshness {...freshness} now={now} />}
      </div>
      <div className="flex-1">{children}</div>
      {footer && <div className="mt-4 text-sm">{footer}</div>}
    </section>
  );
}

/** What a panel says when it has nothing to show, with what to do next. */
export function EmptyState({ children, role }: { children: React.ReactNode; role?: "status" }) {
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300" role={role}>
      {children}
    </p>
  );
}

export function PanelLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="font-medium text-brand-600 hover:underline dark:text-brand-300">
      {children}
    </Link>
  );
}
