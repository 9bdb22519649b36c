import Link from "next/link";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { TableHead } from "@/components/ui/table-head";
import type { Forecast } from "@/lib/domain/forecast";
import type { ForecastRow } from "@/lib/features/forecasts";

/** A row's id in the page's URL ("epic:ACME-12", "fixVersion:2.15.0"). */
export const rowId = (row: ForecastRow) => `${row.kind}:${row.key}`;

const day = (date: Date) => date.toISOString().slice(0, 10);

function Percentile({ forecast, at }: { forecast: Forecast; at: "p50" | "p85" | "p95" }) {
  if (forecast.status !== "ok") return <td className="py-2 pr-4 text-slate-500 dark:text-slate-400">—</td>;
  const point = forecast[at];
  return (
    <td className="py-2 pr-4 whitespace-nowrap">
      {day(point.date)} <span className="text-slate-600 dark:text-slate-300">(sprint {point.sprints})</span>
    </td>
  );
}

export function ForecastTable({
  rows,
  itemHref,
  empty,
}: {
  rows: ForecastRow[];
  itemHref: (row: ForecastRow) => string;
  empty: string;
}) {
  if (rows.length === 0) return <p className="mb-2 text-sm">{empty}</p>;
  return (
    <DataTable head={<TableHead columns={["Work", "Remaining", "P50", "P85", "P95", "Note"]} />}>
      {rows.map((row) => (
        <TableRow key={rowId(row)}>
          <td className="py-2 pr-4">
            <Link href={itemHref(row)} className="font-medium underline hover:no-underline">
              {row.kind === "epic" ? `${row.key} ${row.name}` : row.name}
            </Link>
          </td>
          <td className="py-2 pr-4 whitespace-nowrap">
            {row.remaining.points} pts · {row.remaining.issues} issues
            {row.remaining.unestimatedIssues > 0 && ` (${row.remaining.unestimatedIssues} unestimated)`}
          </td>
          <Percentile forecast={row.forecast} at="p50" />
          <Percentile forecast={row.forecast} at="p85" />
          <Percentile forecast={row.forecast} at="p95" />
          <td className="py-2 text-slate-600 dark:text-slate-300">
            {row.forecast.status === "ok"
              ? `Counted in ${row.forecast.assumptions.unit}`
              : row.forecast.status === "done"
                ? "Done"
                : row.forecast.reason}
          </td>
        </TableRow>
      ))}
    </DataTable>
  );
}
