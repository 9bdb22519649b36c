import { z } from "zod";
import { apdex, bandShares, WEB_VITALS, type ReleasePerformance, type WebVital } from "@/lib/domain/performance";
import { goodCountField, p75Field, poorCountField, samplesField, withinField } from "./performance-queries";
import type { TransactionRow, VitalSummary, PerformanceSeries } from "./performance-types";

/** Pure mapping from Sentry's Explore answers (`events/`, `events-timeseries/`) to Bosun's types. */

const eventsSchema = z.object({ data: z.array(z.record(z.string(), z.unknown())) });

export type EventRow = Record<string, unknown>;

export function parseEventRows(answer: unknown): EventRow[] {
  return eventsSchema.parse(answer).data;
}

/** A numeric cell; Sentry answers null for an aggregate over nothing. */
export function numberCell(row: EventRow, field: string): number | null {
  const value = row[field];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

const countCell = (row: EventRow, field: string) => numberCell(row, field) ?? 0;

function textCell(row: EventRow, field: string): string | null {
  const value = row[field];
  return typeof value === "string" && value !== "" ? value : null;
}

/** The single row of the web-vitals query: each vital's p75, band and band shares. */
export function toVitalSummaries(rows: EventRow[]): VitalSummary[] {
  const row = rows[0] ?? {};
  return WEB_VITALS.map((vital: WebVital) => {
    const samples = countCell(row, samplesField(vital));
    return {
      vital,
      p75: samples > 0 ? numberCell(row, p75Field(vital)) : null,
      samples,
      shares: bandShares({
        total: samples,
        good: countCell(row, goodCountField(vital)),
        poor: countCell(row, poorCountField(vital)),
      }),
    };
  });
}

/** Per-release vitals and per-release server transactions, merged by release; rows without a release are dropped. */
export function toReleasePerformance(vitalRows: EventRow[], apiRows: EventRow[]): ReleasePerformance[] {
  const byVersion = new Map<string, ReleasePerformance>();
  const entry = (version: string) => {
    let found = byVersion.get(version);
    if (!found) {
      found = {
        version,
        lcp: { p75: null, samples: 0 },
        inp: { p75: null, samples: 0 },
        api: { p95: null, failureRate: null, transactions: 0 },
      };
      byVersion.set(version, found);
    }
    return found;
  };
  for (const row of vitalRows) {
    const version = textCell(row, "release");
    if (!version) continue;
    const release = entry(version);
    release.lcp = { p75: numberCell(row, p75Field("lcp")), samples: countCell(row, samplesField("lcp")) };
    release.inp = { p75: numberCell(row, p75Field("inp")), samples: countCell(row, samplesField("inp")) };
  }
  for (const row of apiRows) {
    const version = textCell(row, "release");
    if (!version) continue;
    entry(version).api = {
      p95: numberCell(row, "p95(span.duration)"),
      failureRate: numberCell(row, "failure_rate()"),
      transactions: countCell(row, "count()"),
    };
  }
  return [...byVersion.values()];
}

/** Error events per release (`count()` grouped by `release` on the errors dataset). */
export function toReleaseCounts(rows: EventRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const version = textCell(row, "release");
    if (version) counts[version] = (counts[version] ?? 0) + countCell(row, "count()");
  }
  return counts;
}

/** The transactions table: one row per transaction, apdex computed from the two count_ifs at T and 4T. */
export function toTransactionRows(rows: EventRow[], apdexThresholdMs: number): TransactionRow[] {
  return rows.flatMap((row) => {
    const name = textCell(row, "transaction");
    if (!name) return [];
    const count = countCell(row, "count()");
    return [
      {
        transaction: name,
        op: textCell(row, "transaction.op"),
        count,
        perMinute: numberCell(row, "epm()") ?? 0,
        p50: numberCell(row, "p50(span.duration)"),
        p95: numberCell(row, "p95(span.duration)"),
        failureRate: numberCell(row, "failure_rate()"),
        apdex: apdex({
          total: count,
          withinT: countCell(row, withinField(apdexThresholdMs)),
          within4T: countCell(row, withinField(apdexThresholdMs * 4)),
        }),
      },
    ];
  });
}

/** p95 per transaction, for the comparison with the previous period. */
export function toTransactionP95(rows: EventRow[]): Record<string, { p95: number | null; count: number }> {
  const result: Record<string, { p95: number | null; count: number }> = {};
  for (const row of rows) {
    const name = textCell(row, "transaction");
    if (name) result[name] = { p95: numberCell(row, "p95(span.duration)"), count: countCell(row, "count()") };
  }
  return result;
}

const timeseriesSchema = z.object({
  timeSeries: z.array(
    z.object({
      yAxis: z.string(),
      meta: z.object({ interval: z.number().optional(), valueUnit: z.string().nullish() }).passthrough().optional(),
      values: z.array(
        z.object({
          timestamp: z.number(),
          value: z.number().nullable(),
          sampleCount: z.number().nullish(),
          incomplete: z.boolean().nullish(),
        }),
      ),
    }),
  ),
});

/**
 * One series per yAxis, times in milliseconds as events-timeseries sends them. A bucket without samples is a gap
 * (null), not a zero: "no page loads" is not "LCP of 0 ms".
 */
export function toPerformanceSeries(answer: unknown): PerformanceSeries {
  const parsed = timeseriesSchema.parse(answer);
  return {
    series: parsed.timeSeries.map((s) => ({
      yAxis: s.yAxis,
      points: s.values.map((v) => ({
        time: v.timestamp,
        value: v.sampleCount === 0 ? null : v.value,
        samples: v.sampleCount ?? null,
        incomplete: v.incomplete ?? false,
      })),
    })),
  };
}
