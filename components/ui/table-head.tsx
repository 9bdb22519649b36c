import Link from "next/link";
import { ariaSort, nextSort, sortQuery, type SortOrder, type SortSpec } from "@/lib/domain/tables/sort";

/**
 * A header column: its label, or the label with options. `srOnly`: only screen readers hear it (a checkbox or an
 * actions column); `narrow`: a smaller gap after it, for a column as thin as a checkbox; `sort`: the key the table
 * sorts by when the header is clicked; `numeric`: right-aligned, like the figures under it.
 */
export type Column = string | { label: string; srOnly?: boolean; narrow?: boolean; sort?: string; numeric?: boolean };

/** How a sortable table is ordered now, and the search params its header links keep. */
export type TableSorting = {
  spec: SortSpec<string>;
  order: SortOrder;
  params: Record<string, string | string[] | undefined>;
  /** The id of the table's section, so a click keeps it in view on a long page. */
  anchor?: string;
};

/**
 * The header row every data table here uses: small caps labels, columns scoped for screen readers.
 * `tight` narrows the gap between columns for wide tables; `dense` also trims the space below.
 * With `sorting`, a column that declares a `sort` key is a link to the same page in that order (server-side, in
 * the URL), marked with `aria-sort` and an arrow when it is the column the table is sorted by.
 */
export function TableHead({
  columns,
  dense = false,
  tight = dense,
  sorting,
}: {
  columns: Column[];
  dense?: boolean;
  tight?: boolean;
  sorting?: TableSorting;
}) {
  const bottom = dense ? "pb-1" : "pb-2";
  const gap = tight ? "pr-3" : "pr-4";
  return (
    <thead>
      <tr className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {columns.map((column, i) => {
          const {
            label,
            srOnly = false,
            narrow = false,
            sort,
            numeric = false,
          } = typeof column === "string" ? { label: column } : column;
          const right = i === columns.length - 1 ? "" : narrow ? "pr-2" : gap;
          const sortable = sorting && sort ? { sortKey: sort, ...sorting } : null;
          return (
            <th
              key={label}
              scope="col"
              aria-sort={sortable ? (ariaSort(sortable.order, sort!) ?? "none") : undefined}
              className={[bottom, right, "font-medium", numeric ? "text-right" : ""].filter(Boolean).join(" ")}
            >
              {srOnly ? (
                <span className="sr-only">{label}</span>
              ) : sortable ? (
                <SortLink label={label} {...sortable} />
              ) : (
                label
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

function SortLink({ label, sortKey, spec, order, params, anchor }: TableSorting & { label: string; sortKey: string }) {
  const next = nextSort(spec, order, sortKey);
  const current = order.key === sortKey ? order.dir : null;
  return (
    <Link
      href={`${sortQuery(params, next)}${anchor ? `#${anchor}` : ""}`}
      className="inline-flex items-center gap-1 rounded hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:text-slate-100"
    >
      {label}
      <span aria-hidden="true" className={current ? "" : "opacity-40"}>
        {current === "asc" ? "↑" : current === "desc" ? "↓" : "↕"}
      </span>
      <span className="sr-only">
        {current ? `, sorted ${current === "asc" ? "ascending" : "descending"}; ` : ", "}
        sort {next.dir === "asc" ? "ascending" : "descending"}
      </span>
    </Link>
  );
}
