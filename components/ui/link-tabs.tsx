import Link from "next/link";

export type LinkTab = { href: string; label: React.ReactNode; current: boolean };

/** How the links look: `segmented` darkens the current one (a period, a board), `pills` fills it in brand colour. */
const LOOK = {
  segmented: () =>
    "rounded-md px-2.5 py-1 text-sm hover:bg-slate-100 aria-[current]:bg-slate-900 aria-[current]:text-white dark:hover:bg-slate-800 dark:aria-[current]:bg-slate-100 dark:aria-[current]:text-slate-900",
  pills: (current: boolean) =>
    `rounded-full px-3 py-1 ${current ? "bg-brand-600 text-white" : "border border-slate-300 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"}`,
} as const;

/**
 * A row of links that each show the same page another way (a period, a filter), the current one marked with
 * aria-current. `label` names the row for screen readers.
 */
export function LinkTabs({
  label,
  tabs,
  look,
  className,
}: {
  label: string;
  tabs: LinkTab[];
  look: keyof typeof LOOK;
  className: string;
}) {
  return (
    <nav aria-label={label} className={className}>
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={LOOK[look](tab.current)}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
