import "server-only";
import { createSentryClient } from "./client";
import {
  API_SERIES_AXES,
  API_TRANSACTIONS_QUERY,
  PAGE_AND_API_TRANSACTIONS_QUERY,
  RELEASE_API_FIELDS,
  RELEASE_VITAL_FIELDS,
  TRANSACTION_COMPARISON_FIELDS,
  transactionFields,
  VITAL_SERIES_AXES,
  WEB_VITAL_FIELDS,
  WEB_VITALS_QUERY,
} from "./performance-queries";
import {
  parseEventRows,
  toPerformanceSeries,
  toReleaseCounts,
  toReleasePerformance,
  toTransactionP95,
  toTransactionRows,
  toVitalSummaries,
  type EventRow,
} from "./performance-transform";
import type { PerformanceFilters, PerformanceSeries, TransactionRow, VitalSummary } from "./performance-types";
import type { SentryClientConfig, SentryQuery } from "./types";
import type { ReleasePerformance } from "@/lib/domain/performance";

/**
 * Sentry performance reads on Explore's `spans` dataset, one request per table or chart with every field it needs
 * batched into it (API-NOTES-2 §1). Sentry takes `project` (numeric id) and `environment` as repeated parameters.
 */

/** Rows per request: Sentry's maximum. The vitals query answers one row, the per-release ones a row per release. */
const PER_PAGE = 100;
/** Buckets per chart: hourly over a day, 6-hourly over a week, daily over a month. */
const INTERVALS: Record<PerformanceFilters["statsPeriod"], string> = { "24h": "1h", "7d": "6h", "30d": "1d" };

type Window = { statsPeriod: string } | { start: string; end: string };

function scope({ projectId, environment }: Omit<PerformanceFilters, "statsPeriod">): SentryQuery {
  return { project: projectId, environment };
}

async function events(
  config: SentryClientConfig,
  {
    dataset = "spans",
    field,
    query,
    sort,
    window,
    filters,
  }: {
    /** Explore's spans unless said otherwise. */
    dataset?: "spans" | "errors";
    field: string[];
    query: string;
    sort?: string;
    window: Window;
    filters?: Omit<PerformanceFilters, "statsPeriod">;
  },
): Promise<EventRow[]> {
  const client = createSentryClient(config);
  const answer = await client.get<unknown>(`/organizations/${config.organizationSlug}/events/`, {
    dataset,
    field,
    query,
    sort,
    per_page: PER_PAGE,
    ...window,
    ...scope(filters ?? {}),
  });
  return parseEventRows(answer.data);
}

/** p75 of each web vital with its sample count and band counts: one request. */
export async function readWebVitals(config: SentryClientConfig, filters: PerformanceFilters): Promise<VitalSummary[]> {
  const rows = await events(config, {
    field: WEB_VITAL_FIELDS,
    query: WEB_VITALS_QUERY,
    window: { statsPeriod: filters.statsPeriod },
    filters,
  });
  return toVitalSummaries(rows);
}

/** Page-load and server transactions, slowest p95 first, apdex at T from two count_ifs: one request. */
export async function readTransactions(
  config: SentryClientConfig,
  filters: PerformanceFilters,
  apdexThresholdMs: number,
): Promise<TransactionRow[]> {
  const rows = await events(config, {
    field: transactionFields(apdexThresholdMs),
    query: PAGE_AND_API_TRANSACTIONS_QUERY,
    sort: "-p95(span.duration)",
    window: { statsPeriod: filters.statsPeriod },
    filters,
  });
  return toTransactionRows(rows, apdexThresholdMs);
}

/** p95 per transaction over an earlier window of the same length, to rank the most regressed: one request. */
export async function readTransactionP95s(
  config: SentryClientConfig,
  filters: Omit<PerformanceFilters, "statsPeriod">,
  window: { start: string; end: string },
): Promise<Record<string, { p95: number | null; count: number }>> {
  const rows = await events(config, {
    field: TRANSACTION_COMPARISON_FIELDS,
    query: PAGE_AND_API_TRANSACTIONS_QUERY,
    sort: "-count()",
    window,
    filters,
  });
  return toTransactionP95(rows);
}

/** Per release: p75 LCP and INP with their samples, and server transactions' p95, failure rate and count — two requests. */
export async function readReleasePerformance(
  config: SentryClientConfig,
  { statsPeriod }: { statsPeriod: string },
): Promise<ReleasePerformance[]> {
  const [vitalRows, apiRows] = await Promise.all([
    events(config, {
      field: RELEASE_VITAL_FIELDS,
      query: WEB_VITALS_QUERY,
      sort: "-count(measurements.lcp)",
      window: { statsPeriod },
    }),
    events(config, {
      field: RELEASE_API_FIELDS,
      query: API_TRANSACTIONS_QUERY,
      sort: "-count()",
      window: { statsPeriod },
    }),
  ]);
  return toReleasePerformance(vitalRows, apiRows);
}

/** Error events per release, from Discover's errors dataset: one request. */
export async function readErrorEventsByRelease(
  config: SentryClientConfig,
  { statsPeriod }: { statsPeriod: string },
): Promise<Record<string, number>> {
  const rows = await events(config, {
    dataset: "errors",
    field: ["release", "count()"],
    query: "event.type:error has:release",
    sort: "-count()",
    window: { statsPeriod },
  });
  return toReleaseCounts(rows);
}

async function timeseries(
  config: SentryClientConfig,
  filters: PerformanceFilters,
  { yAxis, query }: { yAxis: string[]; query: string },
): Promise<PerformanceSeries> {
  const client = createSentryClient(config);
  const answer = await client.get<unknown>(`/organizations/${config.organizationSlug}/events-timeseries/`, {
    dataset: "spans",
    yAxis,
    query,
    interval: INTERVALS[filters.statsPeriod],
    statsPeriod: filters.statsPeriod,
    ...scope(filters),
  });
  return toPerformanceSeries(answer.data);
}

/** Every vital's p75 over time, all five in one request. */
export function readVitalSeries(config: SentryClientConfig, filters: PerformanceFilters): Promise<PerformanceSeries> {
  return timeseries(config, filters, { yAxis: VITAL_SERIES_AXES, query: WEB_VITALS_QUERY });
}

/** Server transactions' p95 and p50 over time, in one request. */
export function readApiLatencySeries(
  config: SentryClientConfig,
  filters: PerformanceFilters,
): Promise<PerformanceSeries> {
  return timeseries(config, filters, { yAxis: API_SERIES_AXES, query: API_TRANSACTIONS_QUERY });
}
