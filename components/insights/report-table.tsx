import type { ExportTable } from "@/lib/domain/tables/export";

/** One report table as HTML, exactly as it exports: its title, columns, rows and the notes on what it rests on. */
export function ReportTable({ table }: { table: ExportTable }) {
  return (
    <section aria-labelledby={`report-${table.id}`} className="mb-8 break-inside-avoid-page">
      <h2 id={`report-${table.id}`} className="mb-2 text-lg font-semibold">
        {table.title}
      </h2>
      {table.rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No rows in this window.</p>
      ) : (
        <div className="relative overflow-x-auto" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className="border-b border-slate-300 px-2 py-1 font-medium dark:border-slate-600"
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index} className="border-b border-slate-100 dark:border-slate-800">
                  {table.columns.map((column) => (
                    <td key={column.key} className="px-2 py-1 tabular-nums">
                      {row[column.key] === null || row[column.key] === undefined ? "—" : String(row[column.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {table.notes && table.notes.length > 0 ? (
        <ul className="mt-2 list-disc pl-5 text-xs text-slate-600 dark:text-slate-300">
          {table.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
