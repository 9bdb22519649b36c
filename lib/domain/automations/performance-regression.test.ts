import { describe, expect, it } from "vitest";
import { adfPlainText } from "@/lib/domain/adf";
import type { PerformanceRegression } from "@/lib/domain/performance";
import { decide } from "./decide";
import { describeEvent } from "./events";
import { describeRuleConfig } from "./describe";
import { type AnyRule, parseRule } from "./rules";

function performanceRule(config: Record<string, unknown> = {}): AnyRule {
  const parsed = parseRule({
    id: "rule-perf",
    kind: "performance_regression_to_jira",
    name: "Slower releases",
    enabled: true,
    config: { jiraProjectKey: "acme", ...config },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rule;
}

const LCP: PerformanceRegression = {
  metric: "lcpP75",
  version: "2.14.0",
  comparedTo: "2.13.0",
  value: 2900,
  previous: 2300,
  changePercent: 26.1,
  samples: 41_000,
  previousSamples: 39_500,
  reason: "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads",
};
const event = (regression: PerformanceRegression = LCP) => ({ type: "release.performance" as const, regression });

describe("decide: performance regression → Jira bug", () => {
  it("files one High bug per release and metric, with the scorecard's reason as the evidence", () => {
    const decision = decide(performanceRule(), event());
    if (decision.kind !== "create_bug") throw new Error(JSON.stringify(decision));
    expect(decision.summary).toBe("Create a High bug in ACME: 2.14.0 p75 LCP +26% vs 2.13.0");
    expect(decision.dedupeKey).toBe("performance-regression:2.14.0:lcpP75");
    expect(decision.ticket).toMatchObject({
      projectKey: "ACME",
      summary: "[Performance regression] 2.14.0: p75 LCP +26% vs 2.13.0",
      priority: "High",
      labels: ["sentry", "performance-regression"],
    });
    expect(adfPlainText(decision.ticket.description)).toBe(
      [
        "Release 2.14.0 is slower than 2.13.0: p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads.",
        "Metric: p75 LCP",
        "2.14.0: 2.9 s (41k samples)",
        "2.13.0: 2.3 s (40k samples)",
        "Change: +26%",
        'Filed by: the rule "Slower releases"',
      ].join("\n"),
    );
  });

  it("gives each metric of one release its own dedupe key", () => {
    const api = decide(performanceRule(), event({ ...LCP, metric: "apiP95", value: 640, previous: 480 }));
    expect(api).toMatchObject({ kind: "create_bug", dedupeKey: "performance-regression:2.14.0:apiP95" });
  });

  it("skips a metric the rule does not watch", () => {
    expect(decide(performanceRule({ metrics: ["apiP95"] }), event())).toEqual({
      kind: "skip",
      reason: "p75 LCP is not one of the metrics this rule watches (p95 API latency)",
    });
  });

  it("refuses a rule that watches no metric", () => {
    const parsed = parseRule({
      id: "r",
      kind: "performance_regression_to_jira",
      name: "n",
      enabled: true,
      config: { jiraProjectKey: "ACME", metrics: [] },
    });
    expect(parsed).toEqual({ ok: false, error: "metrics pick at least one metric" });
  });

  it("describes the rule and the event in words", () => {
    expect(describeRuleConfig(performanceRule({ metrics: ["lcpP75", "apiP95"] }))).toBe(
      "Releases whose p75 LCP or p95 API latency regressed against the previous release (the org's performance thresholds) → a bug in ACME, one per release and metric, checked every 15 minutes",
    );
    expect(describeEvent(event())).toBe("Release 2.14.0: p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads");
  });
});
