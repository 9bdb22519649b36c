import { formatChangePercent, formatCount } from "./format";
import type { PerformanceSettings } from "./settings";
import type { PerformanceRegression, RegressionMetric, ReleasePerformance } from "./types";
import { formatDuration } from "./vitals";

type Rule = {
  metric: RegressionMetric;
  name: string;
  samplesLabel: string;
  read: (release: ReleasePerformance) => { value: number | null; samples: number };
  thresholdPercent: (settings: PerformanceSettings) => number;
  minSamples: (settings: PerformanceSettings) => number;
};

const RULES: Rule[] = [
  {
    metric: "lcpP75",
    name: "p75 LCP",
    samplesLabel: "page loads",
    read: (r) => ({ value: r.lcp.p75, samples: r.lcp.samples }),
    thresholdPercent: (s) => s.vitalRegressionPercent,
    minSamples: (s) => s.minPageLoads,
  },
  {
    metric: "inpP75",
    name: "p75 INP",
    samplesLabel: "interactions",
    read: (r) => ({ value: r.inp.p75, samples: r.inp.samples }),
    thresholdPercent: (s) => s.vitalRegressionPercent,
    minSamples: (s) => s.minPageLoads,
  },
  {
    metric: "apiP95",
    name: "p95 API latency",
    samplesLabel: "transactions",
    read: (r) => ({ value: r.api.p95, samples: r.api.transactions }),
    thresholdPercent: (s) => s.apiLatencyRegressionPercent,
    minSamples: (s) => s.minTransactions,
  },
];

/**
 * The metrics in which `current` is slower than `previous` by more than the org's threshold, each judged only when
 * both releases have at least the minimum samples (so a few early page loads raise no alarm). A change exactly at
 * the threshold is not a regression.
 */
export function detectRegressions(
  current: ReleasePerformance,
  previous: ReleasePerformance,
  settings: PerformanceSettings,
): PerformanceRegression[] {
  const found: PerformanceRegression[] = [];
  for (const rule of RULES) {
    const now = rule.read(current);
    const before = rule.read(previous);
    const minSamples = rule.minSamples(settings);
    if (now.samples < minSamples || before.samples < minSamples) continue;
    if (now.value === null || before.value === null || !(before.value > 0)) continue;
    const changePercent = ((now.value - before.value) / before.value) * 100;
    if (changePercent <= rule.thresholdPercent(settings)) continue;
    found.push({
      metric: rule.metric,
      version: current.version,
      comparedTo: previous.version,
      value: now.value,
      previous: before.value,
      changePercent: Math.round(changePercent * 10) / 10,
      samples: now.samples,
      previousSamples: before.samples,
      reason: `${rule.name} ${formatDuration(now.value)} vs ${formatDuration(before.value)} in ${previous.version}, ${formatChangePercent(changePercent)}, ${formatCount(now.samples)} ${rule.samplesLabel}`,
    });
  }
  return found;
}
