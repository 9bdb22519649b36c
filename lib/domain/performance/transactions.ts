/** One transaction (a page or an API endpoint) over the period. */
export type TransactionStats = {
  transaction: string;
  op: string | null;
  count: number;
  perMinute: number;
  /** Milliseconds. */
  p50: number | null;
  p95: number | null;
  /** 0–1. */
  failureRate: number | null;
  apdex: number | null;
};

/** A transaction with its p95 change against the previous period of the same length, when both sides have enough. */
export type RankedTransaction = TransactionStats & { p95ChangePercent: number | null };

export const TRANSACTION_SORTS = ["p95", "regressed", "p50", "throughput", "failureRate", "apdex", "name"] as const;
export type TransactionSort = (typeof TRANSACTION_SORTS)[number];

/** Transactions below this count in either period are not ranked as regressed: a few slow requests prove nothing. */
export const MIN_COMPARED_TRANSACTIONS = 50;

/**
 * Adds each transaction's p95 change against the earlier period (`before`, by transaction name). A transaction
 * new in this period, or with fewer than `minCount` in either, has no change.
 */
export function compareWithBefore(
  rows: TransactionStats[],
  before: Readonly<Record<string, { p95: number | null; count: number }>> | null,
  minCount = MIN_COMPARED_TRANSACTIONS,
): RankedTransaction[] {
  return rows.map((row) => {
    const earlier = before?.[row.transaction];
    const comparable =
      earlier &&
      row.p95 !== null &&
      earlier.p95 !== null &&
      earlier.p95 > 0 &&
      row.count >= minCount &&
      earlier.count >= minCount;
    const p95ChangePercent = comparable ? Math.round(((row.p95! - earlier.p95!) / earlier.p95!) * 1000) / 10 : null;
    return { ...row, p95ChangePercent };
  });
}

/** Worst first for every column (slowest, most regressed, busiest, most failing, lowest apdex); missing values last. */
export function sortTransactions(rows: RankedTransaction[], sort: TransactionSort): RankedTransaction[] {
  const byName = (a: RankedTransaction, b: RankedTransaction) => a.transaction.localeCompare(b.transaction);
  if (sort === "name") return [...rows].sort(byName);
  const value = (row: RankedTransaction): number | null => {
    switch (sort) {
      case "p95":
        return row.p95;
      case "regressed":
        return row.p95ChangePercent;
      case "p50":
        return row.p50;
      case "throughput":
        return row.perMinute;
      case "failureRate":
        return row.failureRate;
      case "apdex":
        return row.apdex === null ? null : -row.apdex;
    }
  };
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return y - x || byName(a, b);
  });
}
