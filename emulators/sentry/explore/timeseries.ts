import type { EmulatorRequest, EmulatorResponse } from "../../common/http";
import { BadRequest } from "../errors";
import type { OrgState, SentryStore } from "../store";
import { type TimeRange, buckets } from "../time-range";
import { type Columns, aggregateValues, groupRows, parseColumns, parseSort, sortRecords } from "./columns";
import type { FieldValue, RowContext } from "./fields";
import type { AggregateContext } from "./functions";
import { rejectBracketParams, requireSpansDataset, selectRows } from "./selection";

/**
 * `GET /organizations/{org}/events-timeseries/` on the spans dataset. Times are
 * milliseconds throughout (bucket timestamps, `meta.start`/`end` and
 * `meta.interval`), as Sentry's endpoint returns them. A bucket without spans
 * has value 0 and `sampleCount` 0.
 */

const MAX_BUCKETS = 10_000;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** `interval`: digits with an optional s/m/h/d/w unit; a bare number is seconds (Sentry's parse_stats_period). */
export function parseIntervalMs(raw: string | null): number {
  const value = raw === null || raw === "" ? "1h" : raw;
  const m = /^(\d+)([smhdw]?)$/.exec(value);
  if (!m || Number(m[1]) === 0) throw new BadRequest(`Invalid interval: ${JSON.stringify(value)}`);
  return Number(m[1]) * (UNIT_SECONDS[m[2] || "s"] as number) * 1000;
}

type Series = {
  yAxis: string;
  groupBy?: { key: string; value: FieldValue }[];
  meta: Record<string, unknown>;
  values: Record<string, unknown>[];
};

function bucketRows(ctx: RowContext, rows: ArrayLike<number>, starts: number[], intervalMs: number, offsetMs: number) {
  const first = (starts[0] as number) - offsetMs;
  const perBucket: number[][] = starts.map(() => []);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    const index = Math.floor(((ctx.table.timestampS[row] as number) * 1000 - first) / intervalMs);
    if (index >= 0 && index < perBucket.length) (perBucket[index] as number[]).push(row);
  }
  return perBucket;
}

function confidence(sampleCount: number): "low" | "high" | null {
  if (sampleCount === 0) return null;
  return sampleCount >= 20 ? "high" : "low";
}

type SeriesInput = {
  ctx: AggregateContext;
  columns: Columns;
  rows: ArrayLike<number>;
  comparisonRows: ArrayLike<number> | null;
  starts: number[];
  intervalMs: number;
  comparisonMs: number;
  nowMs: number;
};

/** One series per yAxis over the given rows. */
function seriesFor(input: SeriesInput): Omit<Series, "groupBy">[] {
  const { ctx, columns, starts, intervalMs } = input;
  const perBucket = bucketRows(ctx, input.rows, starts, intervalMs, 0);
  const compared = input.comparisonRows
    ? bucketRows(ctx, input.comparisonRows, starts, intervalMs, input.comparisonMs)
    : null;
  const bucketCtx = { ...ctx, periodSeconds: intervalMs / 1000 };
  const values = perBucket.map((rows) => aggregateValues(bucketCtx, columns.aggregates, rows));
  const comparison = compared?.map((rows) => aggregateValues(bucketCtx, columns.aggregates, rows));
  return columns.aggregates.map((aggregate, a) => ({
    yAxis: aggregate.name,
    meta: { valueType: aggregate.type, valueUnit: aggregate.unit, interval: intervalMs, dataScanned: "full" },
    values: starts.map((start, b) => {
      const rows = perBucket[b] as number[];
      let weight = 0;
      for (const row of rows) weight += ctx.table.weight[row] as number;
      const incomplete = start + intervalMs > input.nowMs;
      return {
        timestamp: start,
        value: (values[b] as number[])[a] as number,
        ...(comparison ? { comparisonValue: (comparison[b] as number[])[a] as number } : {}),
        incomplete,
        ...(incomplete ? { incompleteReason: "INCOMPLETE_BUCKET" } : {}),
        sampleCount: rows.length,
        sampleRate: weight === 0 ? null : Math.round((rows.length / weight) * 1e6) / 1e6,
        confidence: confidence(rows.length),
      };
    }),
  }));
}

function parseTopEvents(raw: string | null): number {
  if (raw === null || raw === "") return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new BadRequest("topEvents needs to be between 1 and 10.");
  return n;
}

function comparisonRange(range: TimeRange, deltaMs: number): TimeRange {
  return { startMs: range.startMs - deltaMs, endMs: range.endMs - deltaMs };
}

export function eventsTimeseries(store: SentryStore, org: OrgState, req: EmulatorRequest): EmulatorResponse {
  const params = req.query;
  rejectBracketParams(params);
  requireSpansDataset(params);
  const yAxes = params.getAll("yAxis").filter((y) => y !== "");
  const axes = parseColumns(yAxes.length > 0 ? yAxes : ["count()"]);
  if (axes.keys.length > 0)
    throw new BadRequest(`yAxis must be a function, not ${JSON.stringify(axes.keys[0]?.name)}.`);
  const intervalMs = parseIntervalMs(params.get("interval"));
  const topEvents = parseTopEvents(params.get("topEvents"));
  const rawDelta = params.get("comparisonDelta");
  const comparisonMs = rawDelta ? Number(rawDelta) * 1000 : 0;
  if (rawDelta && !(Number.isInteger(comparisonMs) && comparisonMs > 0))
    throw new BadRequest(`Invalid comparisonDelta: ${JSON.stringify(rawDelta)}`);

  const selection = selectRows(store, org, params);
  const { ctx, range } = selection;
  if ((range.endMs - range.startMs) / intervalMs > MAX_BUCKETS)
    throw new BadRequest(
      "Your interval and date range would create too many results. Use a larger interval, or a smaller date range.",
    );
  const starts = buckets(range, intervalMs);
  const nowMs = store.now();
  const aggregateCtx: AggregateContext = {
    ...ctx,
    extrapolate: params.get("disableAggregateExtrapolation") !== "1",
    periodSeconds: intervalMs / 1000,
  };
  const comparisonRows = comparisonMs
    ? selectRows(store, org, withRange(params, comparisonRange(range, comparisonMs))).rows
    : null;
  const base = { ctx: aggregateCtx, columns: axes, starts, intervalMs, comparisonMs, nowMs };
  const meta = {
    dataset: "spans",
    start: starts[0] ?? range.startMs,
    end: (starts.at(-1) ?? range.startMs) + intervalMs,
  };

  // Without topEvents, groupBy is ignored, as in Sentry.
  if (topEvents === 0) {
    const timeSeries = seriesFor({ ...base, rows: selection.rows, comparisonRows });
    return { status: 200, body: { meta, timeSeries } };
  }
  const groupBy = params.getAll("groupBy").filter((g) => g !== "");
  if (groupBy.length === 0) throw new BadRequest("groupBy is a required parameter when doing topEvents");
  if (groupBy.includes("timestamp")) throw new BadRequest("Cannot group by timestamp");
  if (!params.get("sort")) throw new BadRequest("sort is a required parameter when doing topEvents");
  const grouping = parseColumns(groupBy);
  if (grouping.aggregates.length > 0) throw new BadRequest("groupBy may only name fields, not functions.");
  const order = parseSort(params.get("sort"), [...groupBy, ...yAxes], null);

  // Rank the groups over the whole period by `sort`, keep the top N, and fold the rest into "Other".
  const totalCtx = { ...aggregateCtx, periodSeconds: (range.endMs - range.startMs) / 1000 };
  const groups = groupRows(ctx, grouping.keys, selection.rows).filter((g) => g.rows.length > 0);
  const ranked = sortRecords(
    groups.map((group, index) => {
      const record: Record<string, FieldValue> = { __index: index };
      grouping.keys.forEach((key, i) => (record[key.name] = group.values[i] as FieldValue));
      const totals = aggregateValues(totalCtx, axes.aggregates, group.rows);
      axes.aggregates.forEach((aggregate, i) => (record[aggregate.name] = totals[i] as number));
      return record;
    }),
    order,
  );
  const top = ranked.slice(0, topEvents).map((record) => groups[record.__index as number] as (typeof groups)[number]);
  const timeSeries: Series[] = [];
  top.forEach((group, rank) => {
    const compareRows = comparisonRows
      ? Array.from(comparisonRows).filter((row) =>
          grouping.keys.every((key, i) => key.read(ctx, row) === group.values[i]),
        )
      : null;
    for (const series of seriesFor({ ...base, rows: group.rows, comparisonRows: compareRows })) {
      timeSeries.push({
        ...series,
        groupBy: grouping.keys.map((key, i) => ({ key: key.name, value: group.values[i] as FieldValue })),
        meta: { ...series.meta, order: rank, isOther: false },
      });
    }
  });
  if (ranked.length > topEvents && params.get("excludeOther") !== "1") {
    const inTop = new Set(top.flatMap((g) => g.rows));
    const otherRows = Array.from(selection.rows).filter((row) => !inTop.has(row));
    for (const series of seriesFor({ ...base, rows: otherRows, comparisonRows: null }))
      timeSeries.push({ ...series, meta: { ...series.meta, order: top.length, isOther: true } });
  }
  return { status: 200, body: { meta, timeSeries } };
}

function withRange(params: URLSearchParams, range: TimeRange): URLSearchParams {
  const copy = new URLSearchParams(params);
  copy.delete("statsPeriod");
  copy.set("start", new Date(range.startMs).toISOString());
  copy.set("end", new Date(range.endMs).toISOString());
  return copy;
}
