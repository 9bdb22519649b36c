import type { BandShares, TransactionStats, WebVital } from "@/lib/domain/performance";

/** One web vital over the period: p75 (ms; CLS unitless), how many samples measured it and their band shares. */
export type VitalSummary = { vital: WebVital; p75: number | null; samples: number; shares: BandShares | null };

/** A row of the transactions table, in the domain's terms. */
export type TransactionRow = TransactionStats;

export type SeriesPoint = { time: number; value: number | null; samples: number | null; incomplete: boolean };
export type PerformanceSeries = { series: { yAxis: string; points: SeriesPoint[] }[] };

/** The page's filters as Sentry takes them; `projectId` is Sentry's numeric project id. */
export type PerformanceFilters = { statsPeriod: "24h" | "7d" | "30d"; projectId?: string; environment?: string };
