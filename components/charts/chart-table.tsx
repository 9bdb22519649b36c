/**
 * A chart's figures as a real table behind a "Show as table" disclosure: for screen readers, for copying, and
 * for anyone who cannot tell the marks apart. The first cell of each row names the row.
 */
export type TableColumn = { label: string; numeric?: boolean };
export type TableRow = { key: string; cells: (string | number)[] };

export function ChartTable({ caption, columns, rows }: { caption: string; columns: TableColumn[]; rows: TableRow[] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 underline dark:text-slate-200">Show as table</summary>
      <div className="relative mt-2 overflow-x-auto">
        <table className="w-full text-left text-xs">
          <caption className="mb-1 text-left text-slate-600 dark:text-slate-300">{caption}</caption>
          <thead className="text-slate-600 dark:text-slate-300">
            <tr>
              {columns.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  className={column.numeric ? "py-1 pr-3 text-right font-medium" : "py-1 pr-3 font-medium"}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {rows.map((row) => (
              <tr key={row.key} className="border-t border-slate-200 dark:border-slate-700">
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="py-1 pr-3 font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={columns[i]?.numeric ? "py-1 pr-3 text-right" : "py-1 pr-3"}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
