import { DataTable, TableRow } from "@/components/ui/data-table";
import { TableHead } from "@/components/ui/table-head";
import type { QualityRow } from "@/lib/domain/quality";

const day = (date: Date) => date.toISOString().slice(0, 10);
const hours = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} h`);

export function QualityTable({
  rows,
  showBugShare,
  empty,
}: {
  rows: QualityRow[];
  showBugShare: boolean;
  empty: string;
}) {
  if (rows.length === 0) return <p className="mb-2 text-sm">{empty}</p>;
  const columns = [
    "Period",
    "Dates",
    "Bugs filed",
    "Bugs resolved",
    "Escaped defects",
    ...(showBugShare ? ["Bug share"] : []),
    "First seen → ticket",
    "Ticket → fix",
  ];
  return (
    <DataTable head={<TableHead columns={columns} tight />}>
      {rows.map((row) => (
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
