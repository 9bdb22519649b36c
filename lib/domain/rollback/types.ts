/** One reason a release should be rolled back, in words a manager can act on. */
export type RollbackSignal =
  | { kind: "crash_free_drop"; text: string; current: number; previous: number; dropPoints: number }
  | { kind: "critical_issues"; text: string; count: number; issues: { shortId: string; title: string }[] }
  | { kind: "performance"; text: string; metric: string; changePercent: number };

/** What a gate stores as its evidence (RollbackGate.evidence): the signals and what they were measured against. */
export type RollbackEvidence = {
  release: string;
  environment: string;
  previousRelease: string | null;
  /** ISO time of the deploy to the environment. */
  deployedAt: string;
  /** ISO time of the evaluation that produced this evidence. */
  evaluatedAt: string;
  signals: RollbackSignal[];
  /** One sentence: every signal's text joined. */
  summary: string;
};

export type CrashFreeComparison = {
  /** Crash-free session rate in percent (two decimals), null without sessions. */
  rate: number | null;
  sessions: number;
  previousVersion: string | null;
  previousRate: number | null;
  previousSessions: number;
};

export type NewIssue = { shortId: string; title: string; severity: "critical" | "high" | "medium" | "low" };

export type PerformanceSignalInput = { metric: string; changePercent: number; reason: string };
