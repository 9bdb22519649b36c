"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type SectionTab = { segment: string; label: string };

/** The tabs of a section with sub-pages (Settings, Insights): the current page's tab is marked with aria-current. */
export function SectionTabs({ label, base, tabs }: { label: string; base: string; tabs: readonly SectionTab[] }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label={label}
      className="relative mb-6 flex gap-1 overflow-x-auto border-b print:hidden border-slate-200 dark:border-slate-800"
    >
      {tabs.map(({ segment, label: tabLabel }) => {
        const href = segment ? `${base}/${segment}` : base;
        const active = segment ? pathname.startsWith(href) : pathname === base;
        return (
          <Link
            key={tabLabel}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700 dark:text-white" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"}`}
          >
            {tabLabel}
          </Link>
        );
      })}
    </nav>
  );
}
