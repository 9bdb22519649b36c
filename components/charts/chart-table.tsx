/**
 * A chart's figures as a real table behind a "Show as table" disclosure: for screen readers, for copying, and
 * for anyone who cannot tell the marks apart. The first cell of each row names the row.
 */
export type TableColumn = { label: string; numeric?: boolean };
export type TableRow = { key: string; cells: (string | number)[] };

const TABLE = "w-full text-left text-xs [&_td]:py-1 [&_td]:pr-3 [&_th]:py-1 [&_th]:pr-3 [&_tbody_th]:font-normal";

export function ChartTable({ caption, columns, rows }: { caption: string; columns: TableColumn[]; rows: TableRow[] }) {
  // Most charts' columns after the first are all figures: then one rule aligns them all.
  const allNumeric = columns.slice(1).every((column) => column.numeric);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 underline dark:text-slate-200">Show as table</summary>
      <div className="relative mt-2 overflow-x-auto">
        {/* Cell and row styles sit on the table, not on each of its (often hundreds of) cells. */}
        <table className={`${TABLE} ${allNumeric ? "[&_td]:text-right" : ""}`}>
          <caption className="mb-1 text-left text-slate-600 dark:text-slate-300">{caption}</caption>
          <thead className="text-slate-600 dark:text-slate-300">
            <tr>
              {columns.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  className={column.numeric ? "text-right font-medium" : "font-medium"}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="tabular-nums *:border-t *:border-slate-200 dark:*:border-slate-700">
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={!allNumeric && columns[i]?.numeric ? "text-right" : undefined}>
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
