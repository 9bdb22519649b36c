import "server-only";
import type { AutomationRule } from "@/lib/db/types";
import type { AutomationEvent } from "@/lib/domain/automations";
import type { ReleaseScorecard } from "@/lib/domain/performance";
import { loadReleaseScorecards } from "@/lib/features/performance";
import { runActingRules } from "./scheduled-runs";

type RegressionEvent = Extract<AutomationEvent, { type: "release.performance" }>;

/**
 * Every performance regression the release scorecards flag now, newest release first: one event per release and
 * metric. Scorecards that could not be read give none (the next check tries again).
 */
export async function listPerformanceRegressionEvents({
  orgId,
  requestId,
}: {
  orgId: string;
  requestId: string;
}): Promise<RegressionEvent[]> {
  const { scorecards } = await loadReleaseScorecards({ orgId, requestId });
  return regressionEventsOf(scorecards);
}

function regressionEventsOf(scorecards: ReleaseScorecard[]): RegressionEvent[] {
  return scorecards.flatMap((scorecard) =>
    scorecard.performanceRegressions.map((regression) => ({ type: "release.performance" as const, regression })),
  );
}

/**
 * Runs the performance-regression rules over the regressions of the scorecards the release check read. A run is
 * keyed by release and metric (and the bug's outbox key by the same pair), so a regression seen on every check
 * files one bug.
 */
export async function checkPerformanceRegressions({
  orgId,
  rules,
  scorecards,
  requestId,
  lastAttempt,
}: {
  orgId: string;
  rules: AutomationRule[];
  scorecards: ReleaseScorecard[];
  requestId: string;
  lastAttempt: boolean;
}): Promise<void> {
  if (rules.length === 0) return;
  for (const event of regressionEventsOf(scorecards)) {
    const { version, metric } = event.regression;
    const triggerKey = `release-performance:${version}:${metric}`;
    await runActingRules({ orgId, rules, event, triggerKey, requestId, lastAttempt });
  }
}
