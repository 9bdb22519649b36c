/** One closed sprint's throughput, from its close snapshot. */
export type ThroughputSprint = {
  name: string;
  start: Date | null;
  end: Date | null;
  completedPoints: number;
  completedIssues: number;
};

/** The work still open in an epic or a fixVersion, as Jira holds it today. */
export type RemainingWork = {
  points: number;
  issues: number;
  /** Open issues without an estimate: when there are any, the forecast counts issues instead of points. */
  unestimatedIssues: number;
};

export type ForecastUnit = "points" | "issues";

export type ForecastInput = {
  history: ThroughputSprint[];
  remaining: RemainingWork;
  /** The active sprint's planned end: sprint 1 of the forecast ends then. Null when no sprint is active. */
  activeSprintEnd: Date | null;
  now: Date;
  /** The share of the board's throughput that goes to this work (0 < share ≤ 1); all of it when absent. */
  share?: number;
  seed: number;
  trials?: number;
};

/** Everything the forecast rests on, as data, so the page and the MCP tool can state it. */
export type ForecastAssumptions = {
  history: { sprints: number; from: Date | null; to: Date | null; first: string | null; last: string | null };
  unit: ForecastUnit;
  unestimatedIssues: number;
  share: number;
  sprintLengthDays: number;
  /** Where sprint 1 ends: the active sprint's end, or one sprint length from now when none is active. */
  firstSprintEnds: Date;
  trials: number;
  seed: number;
};

export type ForecastPoint = { sprints: number; date: Date };

export type Forecast =
  | { status: "cannot-forecast"; reason: string }
  | { status: "done"; remaining: RemainingWork }
  | {
      status: "ok";
      remaining: RemainingWork;
      p50: ForecastPoint;
      p85: ForecastPoint;
      p95: ForecastPoint;
      /** How many simulated futures finished after each number of sprints, in order. */
      distribution: { sprints: number; date: Date; trials: number }[];
      /** Futures that had not finished after MAX_SPRINTS (counted as finishing then). */
      unfinishedTrials: number;
      assumptions: ForecastAssumptions;
    };
