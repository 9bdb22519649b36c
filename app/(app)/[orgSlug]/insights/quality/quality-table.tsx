import { DataTable, TableRow } from "@/components/ui/data-table";
import { TableHead } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { defineSort, parseSort, sortRows } from "@/lib/domain/tables/sort";
import type { QualityRow } from "@/lib/domain/quality";

const day = (date: Date) => date.toISOString().slice(0, 10);
const hours = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} h`);

/**
 * The sort of one quality table. Both tables share the page's `sort`/`dir`, so each table's keys carry its name
 * ("sprints-escaped"); sorting one leaves the other in time order, oldest first like the trend chart above it.
 */
function qualitySort(table: string) {
  const key = (name: string) => `${table}-${name}`;
  return defineSort({
    keys: ["start", "filed", "resolved", "escaped", "share", "to-ticket", "to-fix"].map(key),
    default: { key: key("start"), dir: "asc" },
    firstDir: Object.fromEntries(
      ["filed", "resolved", "escaped", "share", "to-ticket", "to-fix"].map((k) => [key(k), "desc" as const]),
    ),
  });
}

export function QualityTable({
  rows,
  showBugShare,
  empty,
  table = "quality",
  search = {},
}: {
  rows: QualityRow[];
  showBugShare: boolean;
  empty: string;
  /** The table's name in its sort keys, unique on the page. */
  table?: string;
  /** The page's search params: the sortable headers read and keep them. */
  search?: Record<string, string | string[] | undefined>;
}) {
  if (rows.length === 0)
    return (
      <EmptyState title={empty}>
        Rows are added as sprints close and releases reach production; the history fills from Jira and Sentry every
        hour.
      </EmptyState>
    );
  const spec = qualitySort(table);
  const order = parseSort(spec, search);
  const sorted = sortRows(rows, order, {
    [`${table}-start`]: (row: QualityRow) => row.start,
    [`${table}-filed`]: (row: QualityRow) => row.bugsCreated,
    [`${table}-resolved`]: (row: QualityRow) => row.bugsResolved,
    [`${table}-escaped`]: (row: QualityRow) => row.escapedDefects,
    [`${table}-share`]: (row: QualityRow) => row.bugShare,
    [`${table}-to-ticket`]: (row: QualityRow) => row.firstSeenToTicketHours,
    [`${table}-to-fix`]: (row: QualityRow) => row.ticketToFixHours,
  });
  const column = (label: string, key: string) => ({ label, sort: `${table}-${key}` });
  const columns = [
    "Period",
    column("Dates", "start"),
    column("Bugs filed", "filed"),
    column("Bugs resolved", "resolved"),
    column("Escaped defects", "escaped"),
    ...(showBugShare ? [column("Bug share", "share")] : []),
    column("First seen → ticket", "to-ticket"),
    column("Ticket → fix", "to-fix"),
  ];
  return (
    <DataTable head={<TableHead columns={columns} tight sorting={{ spec, order, params: search, anchor: table }} />}>
      {sorted.map((row) => (
        <TableRow key={row.id}>
          <td className="py-2 pr-3 font-medium">{row.label}</td>
          <td className="py-2 pr-3 whitespace-nowrap">
            {day(row.start)} → {day(row.end)}
          </td>
          <td className="py-2 pr-3">{row.bugsCreated}</td>
          <td className="py-2 pr-3">{row.bugsResolved}</td>
          <td className="py-2 pr-3">{row.escapedDefects}</td>
          {showBugShare && (
            <td className="py-2 pr-3">{row.bugShare === null ? "—" : `${Math.round(row.bugShare * 100)}%`}</td>
          )}
          <td className="py-2 pr-3">{hours(row.firstSeenToTicketHours)}</td>
          <td className="py-2">{hours(row.ticketToFixHours)}</td>
        </TableRow>
      ))}
    </DataTable>
  );
}
