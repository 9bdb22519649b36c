import { adfBulletList, adfDoc, adfField, adfParagraph, adfText } from "@/lib/domain/adf";
import { formatChangePercent, formatCount, formatDuration } from "@/lib/domain/performance";
import type { Decision } from "./decide";
import { PERFORMANCE_METRIC_NAMES } from "./performance-metrics";
import type { AutomationEvent } from "./events";
import type { RuleConfig } from "./rules";

/**
 * A scorecard regression becomes one High bug per release and metric: the dedupe key is the pair, so the periodic
 * check files it once however often it sees the regression. The thresholds were applied by the scorecard (the
 * org's performance settings); the rule only picks the metrics it watches and the project.
 */
export function decidePerformanceRegression(
  rule: { name: string; config: RuleConfig<"performance_regression_to_jira"> },
  event: Extract<AutomationEvent, { type: "release.performance" }>,
): Decision {
  const { config } = rule;
  const { regression } = event;
  const name = PERFORMANCE_METRIC_NAMES[regression.metric];
  if (!(config.metrics as string[]).includes(regression.metric))
    return {
      kind: "skip",
      reason: `${name} is not one of the metrics this rule watches (${config.metrics.map((m) => PERFORMANCE_METRIC_NAMES[m]).join(", ")})`,
    };
  const change = formatChangePercent(regression.changePercent);
  const measured = (value: number, samples: number) => `${formatDuration(value)} (${formatCount(samples)} samples)`;
  return {
    kind: "create_bug",
    summary: `Create a High bug in ${config.jiraProjectKey}: ${regression.version} ${name} ${change} vs ${regression.comparedTo}`,
    dedupeKey: `performance-regression:${regression.version}:${regression.metric}`,
    ticket: {
      projectKey: config.jiraProjectKey,
      summary: `[Performance regression] ${regression.version}: ${name} ${change} vs ${regression.comparedTo}`.slice(
        0,
        255,
      ),
      priority: "High",
      labels: ["sentry", "performance-regression"],
      description: adfDoc(
        adfParagraph(
          adfText(`Release ${regression.version} is slower than ${regression.comparedTo}: ${regression.reason}.`),
        ),
        adfBulletList([
          adfField("Metric", name),
          adfField(regression.version, measured(regression.value, regression.samples)),
          adfField(regression.comparedTo, measured(regression.previous, regression.previousSamples)),
          adfField("Change", change),
          adfField("Filed by", `the rule "${rule.name}"`),
        ]),
      ),
    },
  };
}
