import { Card } from "@/components/ui/card";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { TableSkeleton } from "@/components/ui/panel-skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { type Column, TableHead } from "@/components/ui/table-head";
import { defineSort, sortRows, type SortOrder } from "@/lib/domain/tables/sort";
import {
  formatChangePercent,
  formatCount,
  formatDuration,
  TRANSACTION_SORTS,
  type RankedTransaction,
  type TransactionSort,
} from "@/lib/domain/performance";
import type { PerformancePage } from "@/lib/features/performance";
import { awaitPanel } from "./panel-read";

/** Rows shown: the worst 50 by the chosen column are what someone acts on. */
const SHOWN = 50;

/** Each column starts worst first: slowest, most regressed, busiest, most failing, lowest apdex; names A→Z. */
export const TRANSACTION_SORT = defineSort({
  keys: TRANSACTION_SORTS,
  default: { key: "p95", dir: "desc" },
  firstDir: {
    name: "asc",
    apdex: "asc",
    throughput: "desc",
    p50: "desc",
    p95: "desc",
    regressed: "desc",
    failureRate: "desc",
  },
});

const COLUMNS: Column[] = [
  { label: "Transaction", sort: "name" },
  "Type",
  { label: "Throughput", sort: "throughput", numeric: true },
  { label: "p50", sort: "p50", numeric: true },
  { label: "p95", sort: "p95", numeric: true },
  { label: "p95 vs previous period", sort: "regressed", numeric: true },
  { label: "Failure rate", sort: "failureRate", numeric: true },
  { label: "Apdex", sort: "apdex", numeric: true },
];

const SORT_VALUE: Record<TransactionSort, (row: RankedTransaction) => string | number | null> = {
  name: (row) => row.transaction,
  throughput: (row) => row.perMinute,
  p50: (row) => row.p50,
  p95: (row) => row.p95,
  regressed: (row) => row.p95ChangePercent,
  failureRate: (row) => row.failureRate,
  apdex: (row) => row.apdex,
};

const SORT_TEXT: Record<TransactionSort, string> = {
  p95: "slowest p95 first",
  regressed: "most regressed first",
  p50: "slowest p50 first",
  throughput: "busiest first",
  failureRate: "most failing first",
  apdex: "lowest apdex first",
  name: "by name",
};

/** The heading's words for the reverse of each column's first order. */
const REVERSED_TEXT: Record<TransactionSort, string> = {
  p95: "fastest p95 first",
  regressed: "most improved first",
  p50: "fastest p50 first",
  throughput: "quietest first",
  failureRate: "least failing first",
  apdex: "highest apdex first",
  name: "by name, Z to A",
};

/** Pages and API endpoints over the period, sortable by URL, the slowest first unless asked otherwise. */
export async function TransactionsPanel({
  page,
  order,
  params = {},
}: {
  page: Promise<PerformancePage>;
  /** The header's order; without it, the loaded order (each column's first direction). */
  order?: SortOrder<TransactionSort>;
  /** The page's search params, which the sortable headers keep. */
  params?: Record<string, string | undefined>;
}) {
  const loaded = await page;
  const read = await awaitPanel(page, (p) => p.transactions);
  if ("notice" in read || loaded.status !== "ok") return "notice" in read ? read.notice : null;
  const { sort } = loaded.filters;
  const shown = order ?? { key: sort, dir: TRANSACTION_SORT.firstDir?.[sort] ?? "desc" };
  const isFirstDir = shown.dir === (TRANSACTION_SORT.firstDir?.[sort] ?? "desc");
  // The loader ranks worst first; the other direction re-sorts the whole list, missing values still last.
  const rows = (isFirstDir ? read.value : sortRows(read.value, shown, SORT_VALUE)).slice(0, SHOWN);
  return (
    <Card title={`Transactions (${isFirstDir ? SORT_TEXT[sort] : REVERSED_TEXT[sort]})`}>
      <p className="mb-3 text-xs text-slate-500 dark:text-slate-400">
        Apdex counts a transaction as satisfied at or under {loaded.settings.apdexThresholdMs} ms (T) and tolerating at
        or under {loaded.settings.apdexThresholdMs * 4} ms (4T); T is an org setting.
        {sort === "regressed" && " The change compares p95 with the period of the same length just before."}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No page loads or API requests in this period">
          Transactions appear once the Sentry SDK sends performance data (a traces sample rate above 0); try a longer
          period or another project or environment.
        </EmptyState>
      ) : (
        <DataTable head={<TableHead columns={COLUMNS} sorting={{ spec: TRANSACTION_SORT, order: shown, params }} />}>
          {rows.map((row) => (
            <TransactionRow key={`${row.op}:${row.transaction}`} row={row} />
          ))}
        </DataTable>
      )}
      {read.value.length > SHOWN && (
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
          Showing {SHOWN} of {read.value.length}.
        </p>
      )}
    </Card>
  );
}

function TransactionRow({ row }: { row: RankedTransaction }) {
  const cell = "py-2 pr-4 text-right tabular-nums";
  return (
    <TableRow data-transaction={row.transaction}>
      <th scope="row" className="max-w-md truncate py-2 pr-4 font-mono text-xs font-normal">
        {row.transaction}
      </th>
      <td className="py-2 pr-4 text-xs">
        {row.op === "pageload" ? "Page" : row.op === "http.server" ? "API" : row.op}
      </td>
      <td className={cell}>
        {formatCount(row.count)}{" "}
        <span className="text-xs text-slate-500 dark:text-slate-400">({row.perMinute.toFixed(1)}/min)</span>
      </td>
      <td className={cell}>{row.p50 === null ? "—" : formatDuration(row.p50)}</td>
      <td className={cell}>{row.p95 === null ? "—" : formatDuration(row.p95)}</td>
      <td className={cell}>
        {row.p95ChangePercent === null ? (
          <span className="text-slate-500 dark:text-slate-400">—</span>
        ) : (
          <span
            className={
              row.p95ChangePercent > 0 ? "text-rose-700 dark:text-rose-300" : "text-emerald-700 dark:text-emerald-300"
            }
          >
            {formatChangePercent(row.p95ChangePercent)}
          </span>
        )}
      </td>
      <td className={cell}>{row.failureRate === null ? "—" : `${(row.failureRate * 100).toFixed(1)}%`}</td>
      <td className={cell}>{row.apdex === null ? "—" : row.apdex.toFixed(2)}</td>
    </TableRow>
  );
}

/** The table's eight columns. */
export function TransactionsSkeleton() {
  return <TableSkeleton label="Loading transactions" rows={10} columns={8} />;
}
