export { forecastCompletion, DEFAULT_TRIALS, MAX_SPRINTS } from "./monte-carlo";
export { describeAssumptions } from "./describe";
export { remainingByEpic, remainingByVersion, remainingOf, type OpenIssue, type WorkGroup } from "./remaining";
export { DEFAULT_SPRINT_LENGTH_DAYS, sprintLengthDays } from "./sprint-length";
export type {
  Forecast,
  ForecastAssumptions,
  ForecastInput,
  ForecastPoint,
  ForecastUnit,
  RemainingWork,
  ThroughputSprint,
} from "./types";
