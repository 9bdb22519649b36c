/**
 * A header column: its label, or the label with options. `srOnly`: only screen readers hear it (a checkbox or an
 * actions column); `narrow`: a smaller gap after it, for a column as thin as a checkbox.
 */
export type Column = string | { label: string; srOnly?: boolean; narrow?: boolean };

/**
 * The header row every data table here uses: small caps labels, columns scoped for screen readers.
 * `tight` narrows the gap between columns for wide tables; `dense` also trims the space below.
 */
export function TableHead({
  columns,
  dense = false,
  tight = dense,
}: {
  columns: Column[];
  dense?: boolean;
  tight?: boolean;
}) {
  const bottom = dense ? "pb-1" : "pb-2";
  const gap = tight ? "pr-3" : "pr-4";
  return (
    <thead>
      <tr className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {columns.map((column, i) => {
          const { label, srOnly = false, narrow = false } = typeof column === "string" ? { label: column } : column;
          const right = i === columns.length - 1 ? "" : narrow ? "pr-2" : gap;
          return (
            <th key={label} scope="col" className={[bottom, right, "font-medium"].filter(Boolean).join(" ")}>
              {srOnly ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
