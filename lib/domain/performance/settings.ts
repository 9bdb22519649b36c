import { z } from "zod";

const percent = z.number("must be a number").min(0, "must be 0 or more").max(1000, "must be at most 1000");
const minimum = z.int("must be a whole number").min(1, "must be at least 1");

/**
 * When a release counts as a performance regression against the previous one, and the apdex threshold T.
 * Defaults: p75 LCP or INP worse by more than 15% with at least 500 samples on each side; p95 API latency worse by
 * more than 20% with at least 1,000 transactions on each side; T = 300 ms.
 */
export const performanceSettingsSchema = z.object({
  vitalRegressionPercent: percent.default(15),
  minPageLoads: minimum.default(500),
  apiLatencyRegressionPercent: percent.default(20),
  minTransactions: minimum.default(1000),
  apdexThresholdMs: z.int("must be a whole number").min(1, "must be at least 1").max(60_000).default(300),
});

export type PerformanceSettings = z.infer<typeof performanceSettingsSchema>;

export const DEFAULT_PERFORMANCE_SETTINGS: PerformanceSettings = performanceSettingsSchema.parse({});
