import { describe, expect, it } from "vitest";
import {
  numberCell,
  parseEventRows,
  toPerformanceSeries,
  toReleaseCounts,
  toReleasePerformance,
  toTransactionRows,
  toVitalSummaries,
} from "./performance-transform";
import { WEB_VITAL_FIELDS, withinField } from "./performance-queries";

describe("Explore queries", () => {
  it("asks for every vital's p75, samples and band counts in one request, within Sentry's 20 fields", () => {
    expect(WEB_VITAL_FIELDS).toHaveLength(20);
    expect(WEB_VITAL_FIELDS.slice(0, 4)).toEqual([
      "p75(measurements.lcp)",
      "count(measurements.lcp)",
      "count_if(measurements.lcp,lessOrEquals,2500)",
      "count_if(measurements.lcp,greater,4000)",
    ]);
  });
});

describe("parseEventRows", () => {
  it("reads the data rows and refuses an answer without them", () => {
    expect(parseEventRows({ data: [{ "count()": 3 }], meta: {} })).toEqual([{ "count()": 3 }]);
    expect(() => parseEventRows({ detail: "nope" })).toThrow();
  });

  it("reads numbers, numeric strings and nothing else as numbers", () => {
    expect(numberCell({ a: 2.5, b: "7", c: null, d: "x", e: Number.NaN }, "a")).toBe(2.5);
    expect(numberCell({ b: "7" }, "b")).toBe(7);
    expect([numberCell({ c: null }, "c"), numberCell({ d: "x" }, "d"), numberCell({}, "e")]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe("toVitalSummaries", () => {
  it("gives each vital its p75, samples and band shares; a vital without samples has neither", () => {
    const [lcp, inp] = toVitalSummaries([
      {
        "p75(measurements.lcp)": 2300,
        "count(measurements.lcp)": 1000,
        "count_if(measurements.lcp,lessOrEquals,2500)": 800,
        "count_if(measurements.lcp,greater,4000)": 50,
        "p75(measurements.inp)": 0,
        "count(measurements.inp)": 0,
      },
    ]);
    expect(lcp).toEqual({
      vital: "lcp",
      p75: 2300,
      samples: 1000,
      shares: { good: 80, needsImprovement: 15, poor: 5 },
    });
    expect(inp).toEqual({ vital: "inp", p75: null, samples: 0, shares: null });
  });

  it("answers five empty vitals for an empty answer", () => {
    expect(toVitalSummaries([]).map((v) => [v.vital, v.p75])).toEqual([
      ["lcp", null],
      ["inp", null],
      ["cls", null],
      ["fcp", null],
      ["ttfb", null],
    ]);
  });
});

describe("toReleasePerformance", () => {
  it("merges the vitals and the server transactions of each release, dropping rows without one", () => {
    const merged = toReleasePerformance(
      [
        {
          release: "2.14.0",
          "p75(measurements.lcp)": 2900,
          "count(measurements.lcp)": 4100,
          "p75(measurements.inp)": 180,
          "count(measurements.inp)": 900,
        },
        { release: "", "p75(measurements.lcp)": 1 },
      ],
      [
        { release: "2.14.0", "count()": 20_000, "p95(span.duration)": 410, "failure_rate()": 0.012 },
        { release: "2.13.0", "count()": 19_000, "p95(span.duration)": 400, "failure_rate()": 0.01 },
      ],
    );
    expect(merged).toEqual([
      {
        version: "2.14.0",
        lcp: { p75: 2900, samples: 4100 },
        inp: { p75: 180, samples: 900 },
        api: { p95: 410, failureRate: 0.012, transactions: 20_000 },
      },
      {
        version: "2.13.0",
        lcp: { p75: null, samples: 0 },
        inp: { p75: null, samples: 0 },
        api: { p95: 400, failureRate: 0.01, transactions: 19_000 },
      },
    ]);
  });

  it("counts per release", () => {
    expect(
      toReleaseCounts([
        { release: "a", "count()": 4 },
        { release: null, "count()": 9 },
      ]),
    ).toEqual({ a: 4 });
  });
});

describe("toTransactionRows", () => {
  it("computes apdex from the counts at T and 4T", () => {
    const [row] = toTransactionRows(
      [
        {
          transaction: "GET /api/orders",
          "transaction.op": "http.server",
          "count()": 1000,
          "epm()": 2.3,
          "p50(span.duration)": 120,
          "p95(span.duration)": 480,
          "failure_rate()": 0.02,
          [withinField(300)]: 600,
          [withinField(1200)]: 900,
        },
        { transaction: "", "count()": 5 },
      ],
      300,
    );
    expect(row).toEqual({
      transaction: "GET /api/orders",
      op: "http.server",
      count: 1000,
      perMinute: 2.3,
      p50: 120,
      p95: 480,
      failureRate: 0.02,
      apdex: 0.75,
    });
  });
});

describe("toPerformanceSeries", () => {
  it("keeps Sentry's millisecond times and makes buckets without samples gaps", () => {
    const parsed = toPerformanceSeries({
      meta: { dataset: "spans", start: 0, end: 7_200_000 },
      timeSeries: [
        {
          yAxis: "p75(measurements.lcp)",
          meta: { valueType: "duration", valueUnit: "millisecond", interval: 3_600_000 },
          values: [
            { timestamp: 1_764_720_000_000, value: 2300, sampleCount: 40, incomplete: false },
            { timestamp: 1_764_723_600_000, value: 0, sampleCount: 0, incomplete: true },
          ],
        },
      ],
    });
    expect(parsed.series[0]).toEqual({
      yAxis: "p75(measurements.lcp)",
      points: [
        { time: 1_764_720_000_000, value: 2300, samples: 40, incomplete: false },
        { time: 1_764_723_600_000, value: null, samples: 0, incomplete: true },
      ],
    });
  });
});
