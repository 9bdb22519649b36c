export { workingDays } from "./working-days";
export {
  DateRangeTooLongError,
  EARLIEST_YEAR,
  LATEST_YEAR,
  MAX_AVAILABILITY_DAYS,
  MAX_SPRINT_DAYS,
  MAX_WALKED_DAYS,
  isWalkableRange,
} from "./date-limits";
export { calendarDateSchema, checkAvailabilityDates, checkSprintDates } from "./date-schemas";
export { personCapacity, type DateRange, type PersonCapacity, type PersonCapacityInput } from "./person-capacity";
export {
  DEFAULT_INTERRUPT_RATE,
  deriveFocusFactor,
  deriveInterruptRate,
  suggestedBufferPercent,
  type FocusHistory,
  type InterruptHistory,
} from "./history-factors";
export { velocity, type SprintSnapshotSummary, type Velocity } from "./velocity";
export { sprintHealth, type PersonLoad, type SprintHealth, type SprintHealthInput } from "./sprint-health";
export type { ScopeChange, SprintStartSnapshot } from "./scope-change";
export type {
  DependencyConflict,
  DependencyConflictReason,
  HealthIssue,
  HealthPerson,
  IssueBlocker,
  StatusCategory,
} from "./health-types";
export {
  DEFAULT_ESTIMATION_FIELD,
  parseSprintIds,
  replayToStart,
  scopeChangesFromIssueEvent,
  type ScopeChangeInput,
  type ScopeChangeKind,
  type ScopeChangeRecord,
  type ScopeItem,
} from "./scope-changes";
