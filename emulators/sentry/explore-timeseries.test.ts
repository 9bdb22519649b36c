import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSentryEmulator } from "./index";
import { NOW, ORG, call, startTestEmulator, validator } from "./test-support";

/** events-timeseries on the spans dataset: several yAxis in one request, top groups, times in milliseconds. */

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());

const HOUR = 3_600_000;

type Point = { timestamp: number; value: number; incomplete: boolean; sampleCount: number; sampleRate: number | null };
type Series = {
  yAxis: string;
  groupBy?: { key: string; value: string }[];
  meta: { valueType: string; valueUnit: string | null; interval: number; order?: number; isOther?: boolean };
  values: Point[];
};

async function timeseries(org: string, params: [string, string][], expectedStatus = 200) {
  const path = `/api/0/organizations/${org}/events-timeseries/?${new URLSearchParams(params).toString()}`;
  const res = await call(em, "GET", path);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(expectedStatus);
  if (expectedStatus === 200)
    expect(
      validator.validateResponse({ method: "GET", path: `${ORG}/events-timeseries/`, status: 200, body: res.body }),
    ).toEqual([]);
  return res;
}

async function eventsRow(org: string, params: [string, string][]) {
  const res = await call(em, "GET", `/api/0/organizations/${org}/events/?${new URLSearchParams(params).toString()}`);
  expect(res.status).toBe(200);
  return res.body.data as Record<string, number | string>[];
}

describe("events-timeseries on the spans dataset", () => {
  it("answers several vitals in one request, in milliseconds, with counts that add up to the table's", async () => {
    const params: [string, string][] = [
      ["dataset", "spans"],
      ["statsPeriod", "24h"],
      ["interval", "1h"],
      ["project", "web"],
      ["query", "span.op:pageload"],
    ];
    const res = await timeseries("acme", [
      ...params,
      ["yAxis", "p75(measurements.lcp)"],
      ["yAxis", "p75(measurements.cls)"],
      ["yAxis", "count()"],
    ]);
    const body = res.body as { meta: { dataset: string; start: number; end: number }; timeSeries: Series[] };
    expect(body.meta.dataset).toBe("spans");
    expect(body.timeSeries.map((s) => s.yAxis)).toEqual(["p75(measurements.lcp)", "p75(measurements.cls)", "count()"]);
    const [lcp, cls, count] = body.timeSeries as [Series, Series, Series];
    expect(lcp.meta).toMatchObject({ valueType: "duration", valueUnit: "millisecond", interval: HOUR });
    expect(cls.meta).toMatchObject({ valueType: "number", valueUnit: null, interval: HOUR });
    expect(count.meta).toMatchObject({ valueType: "integer", valueUnit: null });
    // Bucket starts are whole hours in epoch milliseconds; the one holding "now" is incomplete.
    expect(count.values.length).toBeGreaterThanOrEqual(24);
    for (const point of count.values) expect(point.timestamp % HOUR).toBe(0);
    expect(count.values[0]?.timestamp).toBe(body.meta.start);
    expect(body.meta.end).toBeGreaterThan(NOW.getTime());
    expect(count.values.at(-1)).toMatchObject({ incomplete: true });
    expect(count.values[0]).toMatchObject({ incomplete: false });
    for (const point of lcp.values.filter((p) => p.sampleCount > 0)) {
      expect(point.value).toBeGreaterThan(500);
      expect(point.sampleRate).toBeCloseTo(1 / 40, 6);
    }
    const [table] = await eventsRow("acme", [...params, ["field", "count()"]]);
    expect(count.values.reduce((sum, p) => sum + p.value, 0)).toBe(table?.["count()"]);
  });

  it("takes a bare number as seconds and a day interval", async () => {
    const seconds = await timeseries("acme", [
      ["dataset", "spans"],
      ["statsPeriod", "6h"],
      ["interval", "1800"],
      ["yAxis", "epm()"],
    ]);
    expect(seconds.body.timeSeries[0].meta).toMatchObject({
      interval: 1_800_000,
      valueType: "rate",
      valueUnit: "1/minute",
    });
    const days = await timeseries("acme", [
      ["dataset", "spans"],
      ["statsPeriod", "30d"],
      ["interval", "1d"],
      ["yAxis", "p95(span.duration)"],
      ["query", "transaction.op:http.server is_transaction:True"],
    ]);
    const series = days.body.timeSeries[0] as Series;
    expect(series.meta.interval).toBe(24 * HOUR);
    expect(series.values.length).toBeGreaterThanOrEqual(30);
    expect(series.values.filter((p) => p.sampleCount > 0).every((p) => p.value > 100)).toBe(true);
  });

  it("groups by release with topEvents and sort, ordered, with Other unless excluded", async () => {
    const params: [string, string][] = [
      ["dataset", "spans"],
      ["statsPeriod", "14d"],
      ["interval", "1d"],
      ["project", "web"],
      ["query", "span.op:pageload"],
      ["yAxis", "p75(measurements.lcp)"],
      ["yAxis", "count()"],
      ["groupBy", "release"],
      ["topEvents", "2"],
      ["sort", "-count()"],
    ];
    const res = await timeseries("acme", params);
    const series = res.body.timeSeries as Series[];
    const top = series.filter((s) => !s.meta.isOther);
    expect(top).toHaveLength(4);
    expect(top.map((s) => s.meta.order)).toEqual([0, 0, 1, 1]);
    expect(top.map((s) => s.groupBy?.[0]?.key)).toEqual(["release", "release", "release", "release"]);
    const releases = [...new Set(top.map((s) => s.groupBy?.[0]?.value))];
    const table = await eventsRow("acme", [
      ["dataset", "spans"],
      ["statsPeriod", "14d"],
      ["project", "web"],
      ["query", "span.op:pageload"],
      ["field", "release"],
      ["field", "count()"],
      ["sort", "-count()"],
      ["per_page", "2"],
    ]);
    expect(releases).toEqual(table.map((row) => row.release));
    const other = series.filter((s) => s.meta.isOther);
    expect(other.map((s) => s.yAxis)).toEqual(["p75(measurements.lcp)", "count()"]);
    expect(other[0]?.meta.order).toBe(2);
    const excluded = await timeseries("acme", [...params, ["excludeOther", "1"]]);
    expect((excluded.body.timeSeries as Series[]).some((s) => s.meta.isOther)).toBe(false);
  });

  it("shows the regressed release's p75 LCP above its predecessor's day by day", async () => {
    const res = await timeseries("acme", [
      ["dataset", "spans"],
      ["statsPeriod", "14d"],
      ["interval", "1d"],
      ["project", "web"],
      ["query", "span.op:pageload release:[2.13.0,2.14.0]"],
      ["yAxis", "p75(measurements.lcp)"],
      ["groupBy", "release"],
      ["topEvents", "2"],
      ["sort", "release"],
    ]);
    const [before, after] = res.body.timeSeries as [Series, Series];
    expect(before.groupBy?.[0]?.value).toBe("2.13.0");
    expect(after.groupBy?.[0]?.value).toBe("2.14.0");
    let days = 0;
    before.values.forEach((point, i) => {
      const other = after.values[i] as Point;
      if (point.sampleCount < 200 || other.sampleCount < 200) return;
      days++;
      expect(other.value).toBeGreaterThan(point.value * 1.1);
    });
    expect(days).toBeGreaterThan(0);
  });

  it("adds comparison values a delta earlier", async () => {
    const res = await timeseries("acme", [
      ["dataset", "spans"],
      ["statsPeriod", "24h"],
      ["yAxis", "count()"],
      ["comparisonDelta", String(7 * 24 * 3600)],
    ]);
    const points = (res.body.timeSeries[0] as Series).values as (Point & { comparisonValue: number })[];
    expect(points.every((p) => typeof p.comparisonValue === "number")).toBe(true);
    expect(points.some((p) => p.comparisonValue > 0)).toBe(true);
  });

  it("answers 400 {detail} for bad parameters", async () => {
    const cases: [[string, string][], RegExp][] = [
      [
        [
          ["dataset", "spans"],
          ["yAxis", "transaction"],
        ],
        /function/,
      ],
      [
        [
          ["dataset", "spans"],
          ["yAxis", "apdex()"],
        ],
        /apdex/,
      ],
      [
        [
          ["dataset", "spans"],
          ["interval", "5x"],
        ],
        /interval/,
      ],
      [
        [
          ["dataset", "spans"],
          ["statsPeriod", "90d"],
          ["interval", "1s"],
        ],
        /too many/,
      ],
      [
        [
          ["dataset", "spans"],
          ["topEvents", "3"],
          ["sort", "-count()"],
        ],
        /groupBy/,
      ],
      [
        [
          ["dataset", "spans"],
          ["topEvents", "3"],
          ["groupBy", "release"],
        ],
        /sort/,
      ],
      [
        [
          ["dataset", "spans"],
          ["topEvents", "11"],
          ["groupBy", "release"],
          ["sort", "release"],
        ],
        /between 1 and 10/,
      ],
      [[["dataset", "errors"]], /spans/],
    ];
    for (const [params, message] of cases) {
      const res = await call(em, "GET", `/api/0/organizations/acme/events-timeseries/?${new URLSearchParams(params)}`);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.body.detail).toMatch(message);
    }
  });
});
