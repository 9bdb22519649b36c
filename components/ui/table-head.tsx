/**
 * The header row every data table here uses: small caps labels, columns scoped for screen readers.
 * `tight` narrows the gap between columns for wide tables; `dense` also trims the space below.
 */
export function TableHead({
  columns,
  dense = false,
  tight = dense,
}: {
  columns: string[];
  dense?: boolean;
  tight?: boolean;
}) {
  const bottom = dense ? "pb-1" : "pb-2";
  const right = tight ? "pr-3" : "pr-4";
  return (
    <thead>
      <tr className="text-xs uppercase tracking-wide text-slate-500">
        {columns.map((column, i) => (
          <th key={column} scope="col" className={`${bottom} ${i < columns.length - 1 ? right : ""} font-medium`}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
