import { describe, expect, it } from "vitest";
import { DEFAULT_PERFORMANCE_SETTINGS, performanceSettingsSchema } from "./settings";

describe("performanceSettingsSchema", () => {
  it("defaults to +15% on p75 LCP/INP with 500 page loads, +20% on p95 API latency with 1,000 transactions, T = 300 ms", () => {
    expect(DEFAULT_PERFORMANCE_SETTINGS).toEqual({
      vitalRegressionPercent: 15,
      minPageLoads: 500,
      apiLatencyRegressionPercent: 20,
      minTransactions: 1000,
      apdexThresholdMs: 300,
    });
  });

  it("keeps what an org set and fills the rest", () => {
    expect(performanceSettingsSchema.parse({ minPageLoads: 200 })).toMatchObject({
      minPageLoads: 200,
      minTransactions: 1000,
    });
  });

  it("names the field that is wrong", () => {
    const result = performanceSettingsSchema.safeParse({ minTransactions: 0.5, vitalRegressionPercent: -1 });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["minTransactions", "vitalRegressionPercent"]);
  });
});
