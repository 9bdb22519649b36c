/** The header row every data table here uses: small caps labels, columns scoped for screen readers. */
export function TableHead({ columns, dense = false }: { columns: string[]; dense?: boolean }) {
  const bottom = dense ? "pb-1" : "pb-2";
  const right = dense ? "pr-3" : "pr-4";
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
