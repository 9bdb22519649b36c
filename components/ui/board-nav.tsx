import Link from "next/link";

const LINK =
  "rounded-md px-3 py-1.5 text-sm hover:bg-slate-100 aria-[current]:bg-slate-900 aria-[current]:text-white dark:hover:bg-slate-800 dark:aria-[current]:bg-slate-100 dark:aria-[current]:text-slate-900";

/** The boards a page can show, each a link to `path` for that board; the one shown is marked as the current page. */
export function BoardNav({
  boards,
  current,
  path,
}: {
  boards: { id: number; name: string }[];
  /** The shown board's id, when the page shows one. */
  current: number | undefined;
  /** The page the links lead to, without its query string ("/acme/insights/quality"). */
  path: string;
}) {
  return (
    <nav aria-label="Boards" className="flex flex-wrap gap-1">
      {boards.map((b) => (
        <Link
          key={b.id}
          href={`${path}?board=${b.id}`}
          aria-current={b.id === current ? "page" : undefined}
          className={LINK}
        >
          {b.name}
        </Link>
      ))}
    </nav>
  );
}
