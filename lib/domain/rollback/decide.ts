import type { ReleaseHealthSettings } from "@/lib/domain/release-health";
import type { RollbackSettings } from "./settings";
import type { CrashFreeComparison, NewIssue, PerformanceSignalInput, RollbackEvidence, RollbackSignal } from "./types";

export type GateInput = {
  release: string;
  environment: string;
  /** When the release finished deploying to `environment`; null when it never was. */
  deployedAt: Date | null;
  now: Date;
  crashFree: CrashFreeComparison | null;
  /** Unresolved issues first seen in this release (any severity: only the Critical ones count). */
  newIssues: NewIssue[];
  performanceRegressions: PerformanceSignalInput[];
  settings: RollbackSettings;
  health: ReleaseHealthSettings;
};

export type GateDecision = { raise: true; evidence: RollbackEvidence } | { raise: false; reason: string };

const HOUR_MS = 3_600_000;
/** Issues named in the evidence; the count covers them all. */
const LISTED_ISSUES = 5;

/**
 * Whether a release should be rolled back: it was deployed to the environment within the org's window, and since
 * then its crash-free sessions fell by more than the release-health threshold against the previous release, or at
 * least the threshold count of new Critical issues appeared in it, or the scorecards flag a performance regression.
 * Outside the window a regression is left to the bug it files: rolling back a release that has been out for days
 * would undo everything shipped on top of it. Pure: `now` is passed in.
 */
export function decideRollbackGate(input: GateInput): GateDecision {
  const { deployedAt, now, settings } = input;
  if (!deployedAt) return { raise: false, reason: `${input.release} was never deployed to ${input.environment}` };
  const ageMs = now.getTime() - deployedAt.getTime();
  if (ageMs < 0) return { raise: false, reason: `${input.release}'s deploy is dated in the future` };
  if (ageMs > settings.windowHours * HOUR_MS)
    return {
      raise: false,
      reason: `${input.release} was deployed more than ${settings.windowHours} h ago, outside the rollback window`,
    };
  const signals = [
    crashFreeSignal(input.crashFree, input.health),
    criticalIssuesSignal(input.newIssues, settings.criticalIssueThreshold),
    ...input.performanceRegressions.map(performanceSignal),
  ].filter((signal): signal is RollbackSignal => signal !== null);
  if (signals.length === 0) return { raise: false, reason: `${input.release} shows no regression` };
  return {
    raise: true,
    evidence: {
      release: input.release,
      environment: input.environment,
      previousRelease: input.crashFree?.previousVersion ?? null,
      deployedAt: deployedAt.toISOString(),
      evaluatedAt: now.toISOString(),
      signals,
      summary: `${signals.map((signal) => signal.text).join("; ")}.`,
    },
  };
}

/** The release-health rule's comparison, with the same rounding, so a flagged regression here is flagged there. */
function crashFreeSignal(crashFree: CrashFreeComparison | null, health: ReleaseHealthSettings): RollbackSignal | null {
  if (!crashFree) return null;
  const { rate, previousRate, previousVersion, sessions, previousSessions } = crashFree;
  if (rate === null || previousRate === null || previousVersion === null) return null;
  if (sessions < health.minSessions || previousSessions < health.minSessions) return null;
  const dropPoints = Math.round((previousRate - rate) * 100) / 100;
  if (dropPoints <= health.regressionThresholdPoints) return null;
  return {
    kind: "crash_free_drop",
    text: `Crash-free sessions fell to ${rate.toFixed(2)}% from ${previousRate.toFixed(2)}% in ${previousVersion} (−${dropPoints.toFixed(2)} points, more than the ${health.regressionThresholdPoints} allowed)`,
    current: rate,
    previous: previousRate,
    dropPoints,
  };
}

function criticalIssuesSignal(issues: NewIssue[], threshold: number): RollbackSignal | null {
  const critical = issues.filter((issue) => issue.severity === "critical");
  if (critical.length < threshold) return null;
  const listed = critical.slice(0, LISTED_ISSUES).map(({ shortId, title }) => ({ shortId, title }));
  const more = critical.length > listed.length ? ` and ${critical.length - listed.length} more` : "";
  return {
    kind: "critical_issues",
    text: `${critical.length} new Critical issue${critical.length === 1 ? "" : "s"} first seen in this release (threshold ${threshold}): ${listed.map((issue) => issue.shortId).join(", ")}${more}`,
    count: critical.length,
    issues: listed,
  };
}

function performanceSignal({ metric, changePercent, reason }: PerformanceSignalInput): RollbackSignal {
  return { kind: "performance", text: `Slower: ${reason}`, metric, changePercent };
}

/**
 * A fingerprint of what the evidence says (not when it was measured), so a re-evaluation that finds the same
 * regressions changes nothing, and one that finds new ones is told to the Jira blocker once.
 */
export function evidenceFingerprint(evidence: Pick<RollbackEvidence, "signals">): string {
  return evidence.signals
    .map((signal) => {
      if (signal.kind === "critical_issues") return `critical:${signal.count}`;
      if (signal.kind === "performance") return `performance:${signal.metric}`;
      return "crash_free";
    })
    .sort()
    .join("|");
}
