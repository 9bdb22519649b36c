import { describe, expect, it } from "vitest";
import { compareWithBefore, sortTransactions, type TransactionStats } from "./transactions";

const row = (transaction: string, overrides: Partial<TransactionStats> = {}): TransactionStats => ({
  transaction,
  op: "http.server",
  count: 1000,
  perMinute: 1,
  p50: 100,
  p95: 300,
  failureRate: 0.01,
  apdex: 0.9,
  ...overrides,
});

describe("compareWithBefore", () => {
  it("gives the p95 change against the earlier period, in percent with one decimal", () => {
    const [ranked] = compareWithBefore([row("GET /a", { p95: 390 })], { "GET /a": { p95: 300, count: 800 } });
    expect(ranked?.p95ChangePercent).toBe(30);
  });

  it("has no change for a new transaction or one with too few samples on either side", () => {
    const ranked = compareWithBefore([row("new"), row("few-now", { count: 10 }), row("few-before")], {
      "few-now": { p95: 100, count: 900 },
      "few-before": { p95: 100, count: 49 },
    });
    expect(ranked.map((r) => r.p95ChangePercent)).toEqual([null, null, null]);
    expect(compareWithBefore([row("a")], null)[0]?.p95ChangePercent).toBeNull();
  });
});

describe("sortTransactions", () => {
  const rows = compareWithBefore(
    [
      row("b", { p95: 500, apdex: 0.7, perMinute: 5 }),
      row("a", { p95: 900, apdex: null, perMinute: 1 }),
      row("c", { p95: null, apdex: 0.95, perMinute: 9 }),
    ],
    { b: { p95: 250, count: 1000 }, a: { p95: 800, count: 1000 } },
  );
  const names = (sort: Parameters<typeof sortTransactions>[1]) =>
    sortTransactions(rows, sort).map((r) => r.transaction);

  it("puts the slowest first, with missing values last", () => expect(names("p95")).toEqual(["a", "b", "c"]));
  it("puts the most regressed first", () => expect(names("regressed")).toEqual(["b", "a", "c"]));
  it("puts the lowest apdex first", () => expect(names("apdex")).toEqual(["b", "c", "a"]));
  it("puts the busiest first", () => expect(names("throughput")).toEqual(["c", "b", "a"]));
  it("sorts by name A–Z", () => expect(names("name")).toEqual(["a", "b", "c"]));
});
