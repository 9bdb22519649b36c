import { type Column, TableHead, type TableSorting } from "@/components/ui/table-head";

const COLUMNS: Column[] = [
  { label: "Select", srOnly: true, narrow: true },
  { label: "Severity", sort: "severity" },
  "Issue",
  { label: "Users", sort: "users" },
  { label: "Events", sort: "events" },
  { label: "Last seen", sort: "lastSeen" },
  "Assignee",
  "Jira",
];

/** The issues table's header row with its sort links, rendered on the server for the client-side table. */
export function IssuesTableHead({ sorting }: { sorting: TableSorting }) {
  return <TableHead columns={COLUMNS} tight sorting={sorting} />;
}
