import type { BandShares, WebVital } from "@/lib/domain/performance";

/** One web vital over the period: p75 (ms; CLS unitless), how many samples measured it and their band shares. */
export type VitalSummary = { vital: WebVital; p75: number | null; samples: number; shares: BandShares | null };

export type TransactionRow = {
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

export type SeriesPoint = { time: number; value: number | null; samples: number | null; incomplete: boolean };
export type PerformanceSeries = { series: { yAxis: string; points: SeriesPoint[] }[] };

/** The page's filters as Sentry takes them; `projectId` is Sentry's numeric project id. */
export type PerformanceFilters = { statsPeriod: "24h" | "7d" | "30d"; projectId?: string; environment?: string };
