import Link from "next/link";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { TableHead } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { defineSort, parseSort, sortRows } from "@/lib/domain/tables/sort";
import type { Forecast } from "@/lib/domain/forecast";
import type { ForecastRow } from "@/lib/features/forecasts";

/** A row's id in the page's URL ("epic:ACME-12", "fixVersion:2.15.0"). */
export const rowId = (row: ForecastRow) => `${row.kind}:${row.key}`;

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The sort of one forecast table. Both tables share the page's `sort`/`dir`, so each table's keys carry its
 * name ("epics-p85"); sorting one leaves the other in Jira's order.
 */
function forecastSort(table: string) {
  return defineSort({
    keys: ["order", "work", "remaining", "p50", "p85", "p95"].map((key) => `${table}-${key}`),
    default: { key: `${table}-order`, dir: "asc" },
    firstDir: { [`${table}-remaining`]: "desc" },
  });
}

const doneBy = (forecast: Forecast, at: "p50" | "p85" | "p95") => (forecast.status === "ok" ? forecast[at].date : null);

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
  table = "forecast",
  search = {},
}: {
  rows: ForecastRow[];
  itemHref: (row: ForecastRow) => string;
  /** What to do when there is nothing to forecast. */
  empty: { title: string; next: string };
  /** The table's name in its sort keys, unique on the page. */
  table?: string;
  /** The page's search params: the sortable headers read and keep them. */
  search?: Record<string, string | string[] | undefined>;
}) {
  if (rows.length === 0) return <EmptyState title={empty.title}>{empty.next}</EmptyState>;
  const spec = forecastSort(table);
  const order = parseSort(spec, search);
  const loaded = new Map(rows.map((row, index) => [rowId(row), index]));
  const sorted = sortRows(rows, order, {
    [`${table}-order`]: (row: ForecastRow) => loaded.get(rowId(row)),
    [`${table}-work`]: (row: ForecastRow) => (row.kind === "epic" ? `${row.key} ${row.name}` : row.name),
    [`${table}-remaining`]: (row: ForecastRow) => row.remaining.points,
    [`${table}-p50`]: (row: ForecastRow) => doneBy(row.forecast, "p50"),
    [`${table}-p85`]: (row: ForecastRow) => doneBy(row.forecast, "p85"),
    [`${table}-p95`]: (row: ForecastRow) => doneBy(row.forecast, "p95"),
  });
  const column = (label: string, key: string) => ({ label, sort: `${table}-${key}` });
  return (
    <DataTable
      head={
        <TableHead
          columns={[
            column("Work", "work"),
            column("Remaining", "remaining"),
            column("P50", "p50"),
            column("P85", "p85"),
            column("P95", "p95"),
            "Note",
          ]}
          sorting={{ spec, order, params: search, anchor: table }}
        />
      }
    >
      {sorted.map((row) => (
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
