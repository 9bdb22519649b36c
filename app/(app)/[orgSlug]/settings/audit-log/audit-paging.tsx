import Link from "next/link";

type Params = Record<string, string | string[] | undefined>;

/** The same page with `side` set to `cursor`, keeping the filters and the order and dropping the other cursor. */
export function pageHref(params: Params, side: "newer" | "older", cursor: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (name === "newer" || name === "older") continue;
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, item);
  }
  query.set(side, cursor);
  return `?${query.toString()}`;
}

const LINK =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:hover:bg-slate-800";

/** "Newer" and "Older" links under the log; a side with nothing beyond it shows no link. */
export function AuditPaging({ params, newer, older }: { params: Params; newer: string | null; older: string | null }) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="Audit log pages" className="mt-4 flex justify-between gap-3">
      {newer ? (
        <Link href={pageHref(params, "newer", newer)} className={LINK}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {older && (
        <Link href={pageHref(params, "older", older)} className={LINK}>
          Older →
        </Link>
      )}
    </nav>
  );
}
