import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import {
  formatChangePercent,
  formatCount,
  formatDuration,
  type RankedTransaction,
  type TransactionSort,
} from "@/lib/domain/performance";
import type { PerformancePage } from "@/lib/features/performance";
import type { WithParams } from "./filters-panel";
import { awaitPanel } from "./panel-read";

/** Rows shown: the worst 50 by the chosen column are what someone acts on. */
const SHOWN = 50;

const COLUMNS: { sort: TransactionSort | null; label: string; numeric: boolean }[] = [
  { sort: "name", label: "Transaction", numeric: false },
  { sort: null, label: "Type", numeric: false },
  { sort: "throughput", label: "Throughput", numeric: true },
  { sort: "p50", label: "p50", numeric: true },
  { sort: "p95", label: "p95", numeric: true },
  { sort: "regressed", label: "p95 vs previous period", numeric: true },
  { sort: "failureRate", label: "Failure rate", numeric: true },
  { sort: "apdex", label: "Apdex", numeric: true },
];

const SORT_TEXT: Record<TransactionSort, string> = {
  p95: "slowest p95 first",
  regressed: "most regressed first",
  p50: "slowest p50 first",
  throughput: "busiest first",
  failureRate: "most failing first",
  apdex: "lowest apdex first",
  name: "by name",
};

/** Pages and API endpoints over the period, sortable by URL, the slowest first unless asked otherwise. */
export async function TransactionsPanel({
  page,
  withParams,
}: {
  page: Promise<PerformancePage>;
  withParams: WithParams;
}) {
  const loaded = await page;
  const read = await awaitPanel(page, (p) => p.transactions);
  if ("notice" in read || loaded.status !== "ok") return "notice" in read ? read.notice : null;
  const { sort } = loaded.filters;
  const rows = read.value.slice(0, SHOWN);
  return (
    <Card title={`Transactions (${SORT_TEXT[sort]})`}>
      <p className="mb-3 text-xs text-slate-500 dark:text-slate-400">
        Apdex counts a transaction as satisfied at or under {loaded.settings.apdexThresholdMs} ms (T) and tolerating at
        or under {loaded.settings.apdexThresholdMs * 4} ms (4T); T is an org setting.
        {sort === "regressed" && " The change compares p95 with the period of the same length just before."}
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No page loads or API requests in this period.</p>
      ) : (
        <DataTable
          head={
            <thead>
              <tr className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                {COLUMNS.map((c) => (
                  <th
                    key={c.label}
                    scope="col"
                    aria-sort={c.sort === sort ? (sort === "name" ? "ascending" : "descending") : undefined}
                    className={`pb-2 pr-4 font-medium ${c.numeric ? "text-right" : ""}`}
                  >
                    {c.sort ? (
                      <Link href={withParams({ sort: c.sort })} className="hover:underline">
                        {c.label}
                      </Link>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
          }
        >
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
  return <PanelSkeleton label="Loading transactions" rows={10} columns={8} />;
}
