import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSentryEmulator } from "./index";
import { ORG, call, nextLink, startTestEmulator, validator } from "./test-support";

/** Explore's events table on the spans dataset, asked the way Sentry's own screens ask. */

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());

const WEB_VITALS_QUERY =
  'span.op:[ui.interaction.click,ui.interaction.hover,ui.interaction.drag,ui.interaction.press,ui.webvital.cls,ui.webvital.lcp,pageload,""] !transaction:"<< unparameterized >>"';
const API_QUERY = "transaction.op:http.server is_transaction:True";

type Row = Record<string, string | number | boolean | null>;

function eventsPath(org: string, params: [string, string][]): string {
  return `/api/0/organizations/${org}/events/?${new URLSearchParams(params).toString()}`;
}

async function events(org: string, params: [string, string][], expectedStatus = 200) {
  const res = await call(em, "GET", eventsPath(org, params));
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(expectedStatus);
  if (expectedStatus === 200)
    expect(validator.validateResponse({ method: "GET", path: `${ORG}/events/`, status: 200, body: res.body })).toEqual(
      [],
    );
  return res;
}

const fields = (...names: string[]): [string, string][] => names.map((n) => ["field", n]);

describe("events on the spans dataset", () => {
  it("answers the web-vitals recipe per release, with 2.14.0's p75 LCP about 25% above 2.13.0's", async () => {
    const res = await events("acme", [
      ["dataset", "spans"],
      ["statsPeriod", "30d"],
      ["project", "web"],
      ...fields(
        "release",
        "p75(measurements.lcp)",
        "p75(measurements.fcp)",
        "p75(measurements.cls)",
        "p75(measurements.ttfb)",
        "p75(measurements.inp)",
        "count()",
      ),
      ["query", WEB_VITALS_QUERY],
      ["sort", "-count()"],
    ]);
    expect(res.body.meta).toMatchObject({
      dataset: "spans",
      fields: {
        release: "string",
        "p75(measurements.lcp)": "duration",
        "p75(measurements.cls)": "number",
        "count()": "integer",
      },
      units: { "p75(measurements.lcp)": "millisecond", "p75(measurements.cls)": null, "count()": null },
    });
    const byRelease = new Map<string, Row>(res.body.data.map((row: Row) => [row.release, row]));
    const regressed = byRelease.get("2.14.0") as Row;
    const previous = byRelease.get("2.13.0") as Row;
    const ratio = (regressed["p75(measurements.lcp)"] as number) / (previous["p75(measurements.lcp)"] as number);
    expect(ratio).toBeGreaterThan(1.18);
    expect(ratio).toBeLessThan(1.32);
    expect(previous["p75(measurements.lcp)"]).toBeGreaterThan(2000);
    expect(previous["p75(measurements.lcp)"]).toBeLessThan(2600);
    // INP is not part of the regression.
    const inpRatio = (regressed["p75(measurements.inp)"] as number) / (previous["p75(measurements.inp)"] as number);
    expect(Math.abs(inpRatio - 1)).toBeLessThan(0.08);
    const counts = res.body.data.map((row: Row) => row["count()"]);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });

  it("leaves out unparameterized page loads when the query says so", async () => {
    const byTransaction = async (query: string) =>
      (
        await events("acme", [
          ["dataset", "spans"],
          ["statsPeriod", "30d"],
          ["project", "web"],
          ...fields("transaction", "count()"),
          ["query", query],
        ])
      ).body.data.map((row: Row) => row.transaction);
    expect(await byTransaction(WEB_VITALS_QUERY)).not.toContain("<< unparameterized >>");
    expect(await byTransaction("span.op:pageload")).toContain("<< unparameterized >>");
    expect(await byTransaction('transaction:"<< unparameterized >>"')).toEqual(["<< unparameterized >>"]);
    expect(await byTransaction("transaction:/vessels*")).toEqual(expect.arrayContaining(["/vessels", "/vessels/:id"]));
  });

  it("counts page loads and LCP bands per release with count_if, both sides well over 500", async () => {
    const res = await events("acme", [
      ["dataset", "spans"],
      ["statsPeriod", "30d"],
      ...fields(
        "release",
        "count()",
        "count_if(measurements.lcp,lessOrEquals,2500)",
        "count_if(measurements.lcp,greater,4000)",
        "p75(measurements.lcp)",
      ),
      ["query", "span.op:pageload release:[2.13.0,2.14.0]"],
      ["sort", "release"],
    ]);
    expect(res.body.data.map((row: Row) => row.release)).toEqual(["2.13.0", "2.14.0"]);
    for (const row of res.body.data as Row[]) {
      expect(row["count()"]).toBeGreaterThan(500);
      expect(row["count_if(measurements.lcp,lessOrEquals,2500)"]).toBeLessThan(row["count()"] as number);
      expect(row["count_if(measurements.lcp,greater,4000)"]).toBeGreaterThan(0);
    }
    const [before, after] = res.body.data as Row[];
    const goodShare = (row: Row) =>
      (row["count_if(measurements.lcp,lessOrEquals,2500)"] as number) / (row["count()"] as number);
    expect(goodShare(after as Row)).toBeLessThan(goodShare(before as Row));
  });

  it("answers the API latency recipe per transaction, sorted by p95", async () => {
    const res = await events("acme", [
      ["dataset", "spans"],
      ["statsPeriod", "7d"],
      ...fields(
        "transaction",
        "count()",
        "failure_rate()",
        "avg(span.duration)",
        "p50(span.duration)",
        "p95(span.duration)",
        "sum(span.duration)",
        "epm()",
      ),
      ["query", API_QUERY],
      ["sort", "-p95(span.duration)"],
      ["per_page", "50"],
    ]);
    expect(res.body.meta.fields).toMatchObject({
      "failure_rate()": "percentage",
      "epm()": "rate",
      "p95(span.duration)": "duration",
    });
    expect(res.body.meta.units).toMatchObject({ "epm()": "1/minute", "sum(span.duration)": "millisecond" });
    const rows = res.body.data as Row[];
    expect(rows.map((r) => r.transaction)).toContain("GET /api/vessels");
    expect(rows.every((r) => String(r.transaction).match(/^(GET|POST) \/api\//))).toBe(true);
    const p95s = rows.map((r) => r["p95(span.duration)"] as number);
    expect(p95s).toEqual([...p95s].sort((a, b) => b - a));
    for (const r of rows) {
      expect(r["failure_rate()"]).toBeGreaterThanOrEqual(0);
      expect(r["failure_rate()"]).toBeLessThan(0.1);
      expect(r["p50(span.duration)"]).toBeLessThanOrEqual(r["p95(span.duration)"] as number);
      // epm() is count() over the period's minutes.
      expect(r["epm()"]).toBeCloseTo((r["count()"] as number) / (7 * 24 * 60), 1);
    }
  });

  it("extrapolates counts by each span's weight unless extrapolation is disabled", async () => {
    const base: [string, string][] = [
      ["dataset", "spans"],
      ["statsPeriod", "24h"],
      ["project", "web"],
      ["query", "span.op:pageload"],
      ...fields("count()", "p75(measurements.lcp)"),
    ];
    const extrapolated = (await events("acme", base)).body.data[0];
    const sampled = (await events("acme", [...base, ["disableAggregateExtrapolation", "1"]])).body.data[0];
    expect(extrapolated["count()"]).toBe(sampled["count()"] * 40);
    expect(extrapolated["p75(measurements.lcp)"]).toBe(sampled["p75(measurements.lcp)"]);
  });

  it("filters by project, environment and release, and answers one row of zeros over nothing", async () => {
    const perProject = await events("acme", [
      ["dataset", "spans"],
      ["statsPeriod", "24h"],
      ...fields("project", "project.id", "count()"),
      ["sort", "project"],
    ]);
    expect(perProject.body.data.map((r: Row) => r.project)).toEqual(["api", "web", "worker"]);
    const staging = await events("acme", [["dataset", "spans"], ["environment", "staging"], ...fields("count()")]);
    expect(staging.body.data).toEqual([{ "count()": 0 }]);
    const globex = await events("globex", [
      ["dataset", "spans"],
      ["project", "api"],
      ["statsPeriod", "30d"],
      ["query", "release:5.13.0 is_transaction:true"],
      ...fields("release", "transaction.op", "count()"),
    ]);
    expect(globex.body.data).toEqual([
      { release: "5.13.0", "transaction.op": "http.server", "count()": expect.any(Number) },
    ]);
  });

  it("lists single spans when no function is selected, and pages with a Link header", async () => {
    const params: [string, string][] = [
      ["dataset", "spans"],
      ["statsPeriod", "24h"],
      ...fields("id", "transaction", "span.duration", "measurements.lcp", "timestamp"),
      ["query", "span.op:pageload measurements.lcp:>4000"],
      ["sort", "-measurements.lcp"],
      ["per_page", "5"],
    ];
    const first = await events("acme", params);
    expect(first.body.data).toHaveLength(5);
    expect(first.body.meta.fields).toMatchObject({ id: "string", "measurements.lcp": "duration", timestamp: "date" });
    for (const row of first.body.data as Row[]) {
      expect(row.id).toMatch(/^[0-9a-f]{16}$/);
      expect(row["measurements.lcp"]).toBeGreaterThan(4000);
    }
    const next = nextLink(first.headers.get("link"));
    expect(next).not.toBeNull();
    const second = await call(em, "GET", new URL(next as string).pathname + new URL(next as string).search);
    expect(second.body.data[0]["measurements.lcp"]).toBeLessThanOrEqual(first.body.data[4]["measurements.lcp"]);
  });

  it("counts error events per release on the errors dataset, adding up to the issues' counts", async () => {
    const res = await events("acme", [
      ["dataset", "errors"],
      ["statsPeriod", "14d"],
      ...fields("release", "count()", "count_unique(issue)"),
      ["query", "event.type:error has:release"],
    ]);
    expect(res.body.meta).toMatchObject({ dataset: "errors", fields: { release: "string", "count()": "integer" } });
    const rows = res.body.data as Row[];
    const total = rows.reduce((sum, row) => sum + (row["count()"] as number), 0);
    const issues = await call(em, "GET", "/api/0/organizations/acme/issues/?query=&statsPeriod=14d&limit=100");
    expect(total).toBe(issues.body.reduce((sum: number, issue: { count: string }) => sum + Number(issue.count), 0));
    const regressed = rows.find((row) => row.release === "2.14.0") as Row;
    expect(regressed["count()"]).toBeGreaterThan(0);
    const counts = rows.map((row) => row["count()"] as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const none = await events("acme", [["dataset", "errors"], ...fields("count()"), ["query", "!event.type:error"]]);
    expect(none.body.data).toEqual([{ "count()": 0 }]);
  });

  it("generates the same spans for the same seed after a reset, and others for another seed", async () => {
    const params: [string, string][] = [
      ["dataset", "spans"],
      ["start", "2026-11-10T00:00:00Z"],
      ["end", "2026-11-17T00:00:00Z"],
      ...fields("project", "count()", "p75(span.duration)", "p95(measurements.lcp)"),
      ["sort", "project"],
    ];
    const reset = (seed: number) =>
      fetch(`${em.url}/__emulator/reset`, { method: "POST", body: JSON.stringify({ size: "demo", seed }) });
    const before = (await events("acme", params)).body.data;
    expect((await reset(42)).status).toBe(200);
    expect((await events("acme", params)).body.data).toEqual(before);
    await reset(7);
    expect((await events("acme", params)).body.data).not.toEqual(before);
    await reset(42);
  });

  it("answers 400 {detail} for what it does not support, naming it", async () => {
    const cases: [[string, string][], RegExp][] = [
      [[["dataset", "spans"], ...fields("count()", "nope")], /nope/],
      [[["dataset", "spans"], ...fields("apdex()")], /apdex/],
      [[["dataset", "spans"], ...fields("p75(transaction)")], /numeric/],
      [[["dataset", "spans"], ...fields("count()"), ["sort", "-p95(span.duration)"]], /not selected/],
      [[...fields("count()")], /spans/],
      [[["dataset", "bogus"], ...fields("count()")], /bogus/],
      [[["dataset", "spans"], ["project[]", "web"], ...fields("count()")], /project\[\]/],
      [[["dataset", "spans"], ...fields("count()"), ["query", "release:a OR release:b"]], /OR/],
      [[["dataset", "spans"], ...fields("count()"), ["query", "slow"]], /free text/],
      [[["dataset", "spans"], ...fields("count()"), ["query", "user.geo:SE"]], /user\.geo/],
      [[["dataset", "spans"]], /No columns/],
      [[["dataset", "errors"], ...fields("p75(span.duration)")], /errors dataset/],
    ];
    for (const [params, message] of cases) {
      const res = await call(em, "GET", eventsPath("acme", params));
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.body.detail).toMatch(message);
    }
    expect(
      (await call(em, "GET", eventsPath("acme", [["dataset", "spans"], ["project", "nope"], ...fields("count()")])))
        .status,
    ).toBe(403);
  });
});
